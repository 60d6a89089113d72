// Privacy tools in the browser, and no personal data in the server's log: canary values go
// through forms, validation errors and logins, then the captured server output is scanned.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hydrated } from './support';

const canary = {
  email: `kanaria-${Date.now().toString(36)}@example.invalid`,
  notes: `Muistiinpanokanaria ${Date.now().toString(36)}`,
  badEmail: `rikkinäinen-kanaria-${Date.now().toString(36)}`,
};

async function firstPersonPage(page: Page): Promise<string> {
  await page.goto('/associations');
  const rows = page.locator('main table tbody tr a');
  for (let i = 0; i < 10; i++) {
    await page.goto('/associations');
    await rows.nth(i).click();
    await page.waitForURL(/\/associations\/[0-9A-Z]{26}$/);
    const person = page.locator('section[aria-labelledby="people-heading"] a').first();
    if ((await person.count()) > 0) {
      await person.click();
      await page.waitForURL(/\/people\/[0-9A-Z]{26}$/);
      return page.url();
    }
  }
  throw new Error('No association with people');
}

test('a person’s privacy fields, subject access and erasure; no canary reaches the server log', async ({
  page,
}) => {
  const personUrl = await firstPersonPage(page);
  const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';

  // A bad e-mail with canary notes: the error names the field, not the value, and keeps the typing.
  await page.getByLabel('Sähköpostiosoite').fill(canary.badEmail);
  await page.getByLabel('Muistiinpanot').fill(canary.notes);
  await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Virheellinen sähköpostiosoite');
  await expect(page.getByRole('alert')).not.toContainText(canary.badEmail);
  await hydrated(page);
  await expect(page.getByLabel('Muistiinpanot')).toHaveValue(canary.notes);

  await page.getByLabel('Sähköpostiosoite').fill(canary.email);
  await page.getByLabel('Käsittelyn peruste').fill('Yhteyshenkilö (oikeutettu etu)');
  await page.getByLabel('Henkilö vastustaa tietojensa käsittelyä').check();
  await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Henkilön tiedot tallennettu.');
  await expect(page.getByText('hänet jätetään pois luovutuksista')).toBeVisible();

  await page.getByRole('link', { name: /Tarkastusoikeus/ }).click();
  await expect(page.locator('main')).toContainText(canary.email);
  const download = await page.request.get(`${personUrl}/access.json`);
  expect(download.headers()['content-disposition']).toContain('attachment');
  expect((await download.json()).person.notes).toBe(canary.notes);

  // A failed login with the canary address.
  const anonymous = await page
    .context()
    .browser()
    ?.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await anonymous?.newPage();
  await login?.goto('/login');
  if (login) await hydrated(login);
  await login?.getByLabel('Sähköpostiosoite').fill(canary.email);
  await login?.getByLabel('Salasana').fill(canary.notes);
  await login?.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(login!.getByRole('alert')).toContainText('väärin');
  await anonymous?.close();

  // Erase: the confirmation is required, then the person is gone everywhere.
  await page.goto(personUrl);
  await page.getByRole('button', { name: 'Poista henkilö' }).click();
  await expect(page.getByRole('alert')).toContainText('Vahvista poisto');
  await hydrated(page);
  await page.getByLabel(`Poista ${name} pysyvästi`).check();
  await page.getByRole('button', { name: 'Poista henkilö' }).click();
  await expect(page).toHaveURL(/\/associations\?done=erased/);
  expect((await page.request.get(personUrl)).status()).toBe(404);
  await page.goto('/admin/audit?action=person.erase');
  await expect(page.locator('main table')).toContainText('person.erase');
  await expect(page.locator('main')).not.toContainText(canary.email);

  const log = readFileSync('.test-output/server.log', 'utf8');
  for (const value of [...Object.values(canary), name]) expect(log).not.toContain(value);
});
