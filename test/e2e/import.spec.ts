// Spreadsheet import in the browser, as the admin of the small second workspace: upload a CSV,
// confirm the columns (one chosen by hand), see every problem row and the duplicates, merge one
// duplicate into the association it matches, import, follow the progress, find the result. A
// 25 KB workbook holding one 20 MB cell is refused quickly, naming the limit, while /login answers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type Page } from '@playwright/test';
import { writeXlsx, xlsxRow } from '../../shared/src/handover/xlsx';
import { storageStateOf } from './auth';
import { expectNoAxeViolations, hydrated } from './support';

test.use({ storageState: storageStateOf('otherAdmin') });

async function existingAssociation(page: Page) {
  await page.goto('/associations');
  const row = page.locator('main table tbody tr').first();
  const name = (await row.locator('td').first().textContent())?.trim() ?? '';
  const municipality = ((await row.locator('td').nth(2).textContent()) ?? '').split(',')[0]?.trim() ?? '';
  return { name, municipality };
}

function csv(existing: { name: string; municipality: string }): Buffer {
  const lines = [
    'Nimi;Y-tunnus;Kunta;Sähköposti;Yhteyshenkilö;Rooli;Lisätieto',
    'Äänekosken Ässät ry;;Kuopio;assat@example.fi;Öljynen Åsa;puheenjohtaja;Kerhotila torin laidalla',
    'Väärä Tunnus ry;1234567-2;Iisalmi;;;;',
    'Pieksän Pilkkijät ry;;Varkaus;;Pekka Pilkki;sihteeri;',
    ';;Tervo;;;;',
    `${existing.name};;${existing.municipality};;Mirja Yhdistäjä;yhteyshenkilö;`,
    'Äänekosken Ässät ry;;Kuopio;;;;',
    'Kallaveden Kanootit ry;;Kuopio;;;;',
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

test('an admin imports a spreadsheet: columns, problems, duplicates merged or skipped, progress, result', async ({
  page,
}) => {
  const existing = await existingAssociation(page);
  await page.goto('/admin/import');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuo yhdistyksiä taulukosta');
  await expectNoAxeViolations(page);
  await page.getByLabel(/Tiedosto \(CSV tai XLSX/).setInputFiles({
    name: 'yhdistykset.csv',
    mimeType: 'text/csv',
    buffer: csv(existing),
  });
  await page.getByRole('button', { name: 'Lataa ja tarkista' }).click();
  await page.waitForURL(/\/admin\/import\/[0-9A-Z]{26}$/);
  await hydrated(page);

  // 1. Columns: suggested from the headers; the one it does not know is chosen by hand.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('1. Sarakkeet');
  await expect(page.getByLabel('Yhteyshenkilö', { exact: true })).toHaveValue('personName');
  await expect(page.getByLabel('Lisätieto')).toHaveValue('');
  await expect(page.getByRole('row', { name: /Lisätieto/ })).toContainText('Kerhotila torin laidalla');
  await page.getByLabel('Lisätieto').selectOption('notes');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tarkista rivit' }).click();

  // 2. Check: every problem row, the duplicates with a choice each; nothing written yet.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('2. Tarkistus');
  await expect(page.getByRole('status')).toHaveText(
    '7 riviä: 3 uutta, 0 jo tuotu, 2 mahdollista kaksoiskappaletta, 2 ongelmallista.',
  );
  const problems = page.locator('table.problems tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3');
  await expect(problems.nth(0)).toContainText('Y-tunnus');
  await expect(problems.nth(1)).toContainText('5');
  await expect(problems.nth(1)).toContainText('Nimi');
  const duplicates = page.locator('table.duplicates tbody tr');
  await expect(duplicates).toHaveCount(2);
  await expect(duplicates.nth(0)).toContainText(existing.name);
  await expect(duplicates.nth(0)).toContainText('samankaltainen nimi samassa kunnassa');
  await expect(duplicates.nth(1)).toContainText('aiempi rivi');
  await expectNoAxeViolations(page);
  await duplicates.nth(0).getByLabel('Yhdistä: täydennä puuttuvat tiedot').check();
  await expect(duplicates.nth(1).getByLabel('Ohita')).toBeChecked();
  await page.goto('/associations?q=Pilkkij%C3%A4t');
  await expect(page.locator('main table tbody tr')).toHaveCount(0);
  await page.goBack();
  await hydrated(page);
  await duplicates.nth(0).getByLabel('Yhdistä: täydennä puuttuvat tiedot').check();
  await page.getByRole('button', { name: /^Tuo \d+ riviä$/ }).click();

  // 3. Import: progress, then the result.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('3. Tuonti');
  await expect(page.getByRole('status')).toContainText('Valmis', { timeout: 30_000 });
  await expect(
    page.getByText('Tuotiin 3 uutta yhdistystä, yhdistettiin 1 rivi olemassa oleviin, ohitettiin 3 riviä.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/associations?q=%C3%84%C3%A4nekosken+%C3%84ss%C3%A4t');
  await expect(page.locator('main table tbody tr')).toHaveCount(1);
  await page.locator('main table tbody tr a').first().click();
  await expect(page.getByText('Kerhotila torin laidalla')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="people-heading"]')).toContainText('Öljynen Åsa');
  await page.goto(`/associations?q=${encodeURIComponent(existing.name)}`);
  await page.locator('main table tbody tr a', { hasText: existing.name }).first().click();
  await expect(page.locator('section[aria-labelledby="people-heading"]')).toContainText('Mirja Yhdistäjä');

  // The import is listed, and recorded in the audit log.
  await page.goto('/admin/import');
  await expect(page.getByText(/Tuotiin 3 uutta yhdistystä/)).toBeVisible();
  await page.goto('/admin/audit?action=import');
  await expect(page.locator('main table tbody tr')).not.toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the upload and the column step work with plain forms; a file that is not a spreadsheet gets a clear message', async ({
    page,
  }) => {
    await page.goto('/admin/import');
    await page.getByLabel(/Tiedosto \(CSV tai XLSX/).setInputFiles({
      name: 'tyhja.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\u0003\u0004 not really a workbook'),
    });
    await page.getByRole('button', { name: 'Lataa ja tarkista' }).click();
    // Without JavaScript the check starts from a button, and the page reloads itself until it is done.
    await expect(page.getByText('Tiedosto on vastaanotettu.')).toBeVisible();
    await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Tiedostoa ei voitu lukea: tallenna se CSV- tai XLSX-muodossa.',
    );

    await page.goto('/admin/import');
    await page.getByLabel(/Tiedosto \(CSV tai XLSX/).setInputFiles({
      name: 'lista.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,municipality\r\nNo-JS Yhdistys ry,Kuopio\r\n'),
    });
    await page.getByRole('button', { name: 'Lataa ja tarkista' }).click();
    await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('1. Sarakkeet');
    await page.getByRole('button', { name: 'Tarkista rivit' }).click();
    await expect(page.getByRole('status')).toHaveText(
      '1 rivi: 1 uutta, 0 jo tuotu, 0 mahdollista kaksoiskappaletta, 0 ongelmallista.',
    );
  });
});

/** A workbook of about 25 KB whose second row holds one cell of 20 MB. */
async function workbookWithHugeCell(): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-e2e-xlsx-'));
  try {
    await writeFile(
      join(dir, 'rows.xml'),
      xlsxRow(['Nimi', 'Kunta'], 1) + xlsxRow(['x'.repeat(20 * 1024 * 1024), 'Kuopio'], 2),
    );
    await writeXlsx(join(dir, 'iso.xlsx'), [{ name: 'Yhdistykset', rowsFile: join(dir, 'rows.xml') }]);
    return await readFile(join(dir, 'iso.xlsx'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a 25 KB workbook with a 20 MB cell is refused within 2 s, naming the limit, and /login answers meanwhile', async ({
  page,
  baseURL,
}) => {
  const workbook = await workbookWithHugeCell();
  expect(workbook.length).toBeLessThan(40 * 1024);
  await page.goto('/admin/import');
  await hydrated(page);
  await page.getByLabel(/Tiedosto \(CSV tai XLSX/).setInputFiles({
    name: 'iso.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });

  // A second client keeps asking for the login page while the file is uploaded and checked.
  const anonymous = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  let checking = true;
  const logins: { status: number; ms: number }[] = [];
  const prober = (async () => {
    for (let i = 0; i < 200 && checking; i++) {
      const started = Date.now();
      const response = await anonymous.get('/login', { timeout: 5000 });
      logins.push({ status: response.status(), ms: Date.now() - started });
    }
  })();

  const started = Date.now();
  await page.getByRole('button', { name: 'Lataa ja tarkista' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Solussa A2 on yli 10 000 merkkiä (enintään 10 000 merkkiä solussa). Lyhennä se.',
    { timeout: 2000 },
  );
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: 'refused after', description: `${elapsed} ms` });
  checking = false;
  await prober;
  await anonymous.dispose();
  expect(elapsed).toBeLessThan(2000);
  expect(logins.length).toBeGreaterThan(0);
  expect(logins.every((login) => login.status === 200 && login.ms < 1000)).toBe(true);
  await expectNoAxeViolations(page);

  // The page only shows the refusal: each view reads what the check recorded, nothing is parsed again.
  const again = Date.now();
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('10 000 merkkiä');
  expect(Date.now() - again).toBeLessThan(2000);
});
