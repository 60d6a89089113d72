// The handover package from the admin pages: built in the background with its progress shown,
// then a real browser download, opened and checked; keyboard only, and without JavaScript.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectNoAxeViolations, hydrated } from './support';

async function downloadWhenReady(page: Page) {
  const link = page.getByRole('link', { name: 'Lataa luovutuspaketti' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return download;
}

test('an admin builds the handover package, follows its progress and downloads it, with and without contact persons; the audit log records it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Luovutus' }).click();
  await page.waitForURL(/\/admin\/handover$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Luovutuspaketti');
  await page.getByRole('button', { name: 'Kokoa luovutuspaketti' }).click();
  await page.waitForURL(/\/admin\/handover\/[0-9A-Z]{26}$/);
  await expect(page.getByRole('status')).toContainText(/Odottaa vuoroaan|Käynnissä|Valmis/);
  await expect(page.getByRole('status')).toContainText('Valmis', { timeout: 30_000 });
  await expect(page.getByRole('status')).toContainText(/\d+ \/ \d+ yhdistystä/);
  await expectNoAxeViolations(page);

  const download = await downloadWhenReady(page);
  expect(download.suggestedFilename()).toMatch(/^kohtaamo-default-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      'README.txt',
      'associations.csv',
      'people.csv',
      'kohtaamo.xlsx',
      'hsds/organizations.json',
    ]),
  );
  const associations = strFromU8(files['associations.csv'] as Uint8Array)
    .trim()
    .split('\r\n');
  expect(associations.length).toBeGreaterThan(20);
  expect(strFromU8(files['README.txt'] as Uint8Array)).toMatch(/Exported by: \S+/);

  // Keyboard only: back to the handover page, untick "include contact persons", build, download.
  await page.goto('/admin/handover');
  await hydrated(page);
  await page.getByLabel('Sisällytä yhteyshenkilöt').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Sisällytä yhteyshenkilöt')).not.toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/handover\/[0-9A-Z]{26}$/);
  const link = page.getByRole('link', { name: 'Lataa luovutuspaketti' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await link.focus();
  const [anonymous] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(anonymous.suggestedFilename()).toContain('ilman-henkiloita');
  const withoutPeople = unzipSync(new Uint8Array(await readFile(await anonymous.path())));
  expect(Object.keys(withoutPeople)).not.toContain('people.csv');

  // The page lists the packages built.
  await page.goto('/admin/handover');
  await expect(
    page.getByRole('main').getByRole('listitem').filter({ hasText: 'ilman yhteyshenkilöitä' }),
  ).not.toHaveCount(0);

  for (const action of ['export', 'export.download']) {
    await expect
      .poll(async () => {
        await page.goto(`/admin/audit?action=${action}`);
        return page.locator('main table tbody tr').count();
      })
      .toBeGreaterThanOrEqual(2);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the package is built and downloaded with plain forms and the refresh link', async ({ page }) => {
    await page.goto('/admin/handover');
    await page.getByRole('button', { name: 'Kokoa luovutuspaketti' }).click();
    await page.waitForURL(/\/admin\/handover\/[0-9A-Z]{26}$/);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole('link', { name: 'Lataa luovutuspaketti' }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const download = await downloadWhenReady(page);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
  });
});
