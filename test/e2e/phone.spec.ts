// On a phone (390×844) the header folds its navigation behind a menu button, so the first task of
// My tasks is in the first screen; without JavaScript the navigation simply stays open.
import { expect, test } from '@playwright/test';
import { holdPageCode, hydrated } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('the menu button opens the navigation, a link in it navigates and folds it again', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Päävalikko' });
  const menu = page.getByRole('button', { name: 'Valikko' });
  await expect(nav).toBeHidden();
  await hydrated(page);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const box = await menu.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  expect(box?.width).toBeGreaterThanOrEqual(44);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Omat tehtävät' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tehtävät');
  await expect(nav).toBeHidden();
  // The first task is in the first screen.
  const first = page.locator('ul.tasks li').first();
  const top = (await first.boundingBox())?.y ?? Infinity;
  expect(top).toBeLessThan(844);
  // No sideways scrolling of the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the menu button works before the page’s own code has loaded', async ({ page }) => {
  const releaseCode = await holdPageCode(page);
  await page.goto('/', { waitUntil: 'commit' });
  const menu = page.getByRole('button', { name: 'Valikko' });
  await menu.click();
  await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('html[data-ready="true"]')).toHaveCount(0);
  releaseCode();
  await hydrated(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the navigation is open and there is no menu button', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Valikko' })).toBeHidden();
  });
});
