import { expect, test } from '@playwright/test';
import { holdPageCode, hydrated } from './support';

// A user on a slow phone starts typing as soon as the form shows, before the page's code has loaded;
// hydration then writes every field's value once more. static/before-hydration.js puts the typed values
// back. The page's code is held back here until the typing is done, so the order is certain.
test('what is typed before the page is interactive survives hydration and is saved', async ({ page }) => {
  const releaseCode = await holdPageCode(page);
  await page.goto('/associations/new', { waitUntil: 'commit' });
  const name = page.getByLabel('Nimi *');
  await name.waitFor();
  await name.pressSequentially('Nilsiän Lukupiiri ry');
  await page.getByLabel('Kunnat *').fill('Kuopio');
  await page.getByLabel('Muoto').selectOption({ label: 'Kerho' });
  await page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await expect(page.locator('html[data-ready="true"]')).toHaveCount(0);

  releaseCode();
  await hydrated(page);
  await expect(name).toHaveValue('Nilsiän Lukupiiri ry');
  await expect(page.getByLabel('Kunnat *')).toHaveValue('Kuopio');
  await expect(page.getByLabel('Muoto')).toHaveValue(/.+/);
  await expect(page.getByLabel('Muoto').locator('option:checked')).toHaveText('Kerho');
  await expect(page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen')).toBeChecked();

  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nilsiän Lukupiiri ry');
  await expect(page.locator('section[aria-labelledby="profile-heading"]')).toContainText('Kerho');
  await expect(page.locator('details#log')).toHaveAttribute('open', '');
});
