// The handover package from the admin pages: a real browser download, opened and checked.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { hydrated } from './support';

test('an admin downloads the handover package, with and without contact persons; the audit log records it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Luovutus' }).click();
  await page.waitForURL(/\/admin\/handover$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Luovutuspaketti');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa luovutuspaketti' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kohtaamo-default-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['README.txt', 'associations.csv', 'people.csv', 'kohtaamo.xlsx']),
  );
  const associations = strFromU8(files['associations.csv'] as Uint8Array)
    .trim()
    .split('\r\n');
  expect(associations.length).toBeGreaterThan(20);
  expect(strFromU8(files['README.txt'] as Uint8Array)).toMatch(/Exported by: \S+/);

  // Keyboard only: untick "include contact persons", then download.
  await page.getByLabel('Sisällytä yhteyshenkilöt').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Sisällytä yhteyshenkilöt')).not.toBeChecked();
  await page.keyboard.press('Tab');
  const [anonymous] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(anonymous.suggestedFilename()).toContain('ilman-henkiloita');
  const withoutPeople = unzipSync(new Uint8Array(await readFile(await anonymous.path())));
  expect(Object.keys(withoutPeople)).not.toContain('people.csv');

  await expect
    .poll(async () => {
      await page.goto('/admin/audit?action=export');
      return page.locator('main table tbody tr').count();
    })
    .toBeGreaterThanOrEqual(2);
});
