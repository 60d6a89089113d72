import { expect, test } from '@playwright/test';

test('pipeline settings: rename a stage and set the stale threshold, seen on the board', async ({ page }) => {
  await page.goto('/settings');
  const row = page.locator('fieldset').filter({ has: page.locator('input[value="not_relevant"]') });
  await row.getByLabel('Nimi suomeksi').fill('Ei koske meitä');
  await page.getByLabel('Korosta kortti, kun se on odottanut vaiheessa päivää').fill('1');
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('status')).toHaveText('Asetukset tallennettu.');

  await page.goto('/pipeline');
  await expect(page.locator('#column-not_relevant')).toContainText('Ei koske meitä');
  await expect(page.locator('.card.stale').first()).toContainText('Odottanut pitkään');

  // Back to the usual threshold, so other tests see the board as seeded.
  await page.goto('/settings');
  await page.getByLabel('Korosta kortti, kun se on odottanut vaiheessa päivää').fill('30');
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('status')).toHaveText('Asetukset tallennettu.');
});

test('a stage that still holds associations cannot be removed', async ({ page }) => {
  await page.goto('/settings');
  const row = page.locator('fieldset').filter({ has: page.locator('input[value="contacted"]') });
  await row.getByLabel('Poista').check();
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByRole('alert')).toContainText('on vielä yhdistyksiä');
});
