import { expect, test } from '@playwright/test';
import { hydrated } from './support';

// Rows are found by their legend: Svelte 5 removes `value` attributes from inputs shortly after
// hydration, so a selector such as input[value="contacted"] only matches for a moment.

test('pipeline settings: rename a stage and set the stale threshold, seen on the board', async ({ page }) => {
  await page.goto('/settings');
  await hydrated(page);
  const row = page.getByRole('group', { name: /^\d+\. Ei koske$/ });
  await row.getByLabel('Nimi suomeksi').fill('Ei koske meitä');
  await page.getByLabel('Korosta kortti, kun se on odottanut vaiheessa päivää').fill('1');
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('status')).toHaveText('Asetukset tallennettu.');

  await page.goto('/pipeline');
  await expect(page.locator('#column-not_relevant')).toContainText('Ei koske meitä');
  await expect(page.locator('.card.stale').first()).toContainText('Odottanut pitkään');

  // A stage's own threshold wins over the default: a long default, a short one for "Yhteydessä".
  await page.goto('/settings');
  await hydrated(page);
  await page.getByLabel('Korosta kortti, kun se on odottanut vaiheessa päivää').fill('3650');
  const contacted = page.getByRole('group', { name: /^\d+\. Yhteydessä$/ });
  await contacted.getByLabel('Korosta päivän jälkeen').fill('1');
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('status')).toHaveText('Asetukset tallennettu.');
  await page.goto('/pipeline');
  await expect(page.locator('section[aria-labelledby="column-contacted"] .card.stale').first()).toBeVisible();
  await expect(page.locator('section[aria-labelledby="column-interested"] .card.stale')).toHaveCount(0);

  // Back to the usual threshold, so other tests see the board as seeded.
  await page.goto('/settings');
  await hydrated(page);
  await page
    .getByRole('group', { name: /^\d+\. Yhteydessä$/ })
    .getByLabel('Korosta päivän jälkeen')
    .fill('');
  await page.getByLabel('Korosta kortti, kun se on odottanut vaiheessa päivää').fill('30');
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('status')).toHaveText('Asetukset tallennettu.');
});

test('a stage that still holds associations cannot be removed', async ({ page }) => {
  await page.goto('/settings');
  await hydrated(page);
  const row = page.getByRole('group', { name: /^\d+\. Yhteydessä$/ });
  await row.getByLabel('Poista').check();
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('alert')).toContainText('on vielä yhdistyksiä');
});

test('partner kinds: add one, choose it for a new organisation, remove it again', async ({ page }) => {
  await page.goto('/settings');
  await hydrated(page);
  const added = page.getByRole('group', { name: 'Uusi laji (jätä tyhjäksi, jos et lisää)' });
  await added.getByLabel('Tunnus').fill('seurakunta');
  await added.getByLabel('Nimi suomeksi').fill('Seurakunta');
  await added.getByLabel('Nimi englanniksi').fill('Parish');
  await page.getByRole('button', { name: 'Tallenna kumppanien lajit' }).click();
  await expect(page.getByRole('status')).toHaveText('Kumppanien lajit tallennettiin.');

  await page.goto('/associations/new');
  await expect(page.getByLabel('Toimijan laji').locator('option', { hasText: 'Seurakunta' })).toHaveCount(1);

  // A reserved code is refused with a message on the form.
  await page.goto('/settings');
  await hydrated(page);
  const next = page.getByRole('group', { name: 'Uusi laji (jätä tyhjäksi, jos et lisää)' });
  await next.getByLabel('Tunnus').fill('partner');
  await next.getByLabel('Nimi suomeksi').fill('Kumppani');
  await next.getByLabel('Nimi englanniksi').fill('Partner');
  await page.getByRole('button', { name: 'Tallenna kumppanien lajit' }).click();
  await expect(page.getByRole('alert')).toContainText('”association” tai ”partner”');

  await page.goto('/settings');
  await hydrated(page);
  await page
    .getByRole('group', { name: /: Seurakunta$/ })
    .getByLabel('Poista laji')
    .check();
  await page.getByRole('button', { name: 'Tallenna kumppanien lajit' }).click();
  await expect(page.getByRole('status')).toHaveText('Kumppanien lajit tallennettiin.');
  await expect(page.getByRole('group', { name: /: Seurakunta$/ })).toHaveCount(0);
});
