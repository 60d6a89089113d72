// Merging two associations already in Kohtaamo, as the admin of the small second workspace: find
// the one that stays, check what moves, merge; the duplicate's contacts and stage history show on
// the survivor's page, and the duplicate leaves the directory.
import { expect, test } from '@playwright/test';
import { storageStateOf } from './auth';
import { expectNoAxeViolations, hydrated } from './support';

test.use({ storageState: storageStateOf('otherAdmin') });

test('a duplicate is merged into the association that stays', async ({ page }) => {
  await page.goto('/associations');
  const rows = page.locator('main table tbody tr');
  const duplicateName = (await rows.nth(0).locator('td a').textContent())?.trim() ?? '';
  const survivorName = (await rows.nth(1).locator('td a').textContent())?.trim() ?? '';
  await rows.nth(0).locator('td a').click();
  await hydrated(page);
  const timelineBefore = await page.locator('section[aria-labelledby="timeline-heading"] li').count();

  // Merging is one of the rare actions folded at the bottom of the page.
  await page.locator('details.more-actions summary').click();
  await page.getByRole('link', { name: 'Yhdistä kaksoiskappaleena toiseen…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Yhdistä kaksoiskappale: ${duplicateName}`,
  );
  await page.getByLabel('Hae yhdistystä, johon tämä yhdistetään').fill(survivorName);
  await page.getByRole('button', { name: 'Hae' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: survivorName, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tarkista ennen yhdistämistä' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Nimi/ })).toContainText(survivorName);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Yhdistä yhdistykseen ${survivorName}` }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(survivorName);
  await expect(page.getByRole('status')).toHaveText('Kaksoiskappale yhdistettiin tähän yhdistykseen.');
  await expect(page.getByRole('heading', { name: 'Tähän yhdistetyt kaksoiskappaleet' })).toBeVisible();
  await expect(page.getByRole('list', { name: `Sen vaiheiden historia: ${duplicateName}` })).toBeVisible();
  expect(await page.locator('section[aria-labelledby="timeline-heading"] li').count()).toBeGreaterThanOrEqual(
    Math.min(timelineBefore, 50),
  );
  await expectNoAxeViolations(page);

  await page.goto(`/associations?q=${encodeURIComponent(duplicateName)}`);
  await expect(
    page.locator('main table tbody tr a', { hasText: new RegExp(`^${duplicateName}$`) }),
  ).toHaveCount(0);
  await page.goto('/admin/audit?action=association.merge');
  await expect(page.locator('main table tbody tr')).toHaveCount(1);
});
