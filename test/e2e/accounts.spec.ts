// Accounts end to end: a new workspace's admin sets it up from the one-time link, invites a staff
// member, who joins and logs a contact; a viewer sees no edit controls and is refused on the server.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, storageStateOf } from './auth';
import { hydrated } from './support';

const dataDir = '.test-output/e2e-data';
const port = process.env.E2E_PORT ?? '3199';

function runScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, KOHTAAMO_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' },
    encoding: 'utf8',
  });
}

test.describe('a new workspace', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the admin sets it up, invites a staff member, who logs in and logs a contact', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const workspace = `uusi-${Date.now().toString(36)}`;
    const output = runScript('scripts/create-workspace.ts', ['--id', workspace, '--name', 'Uusi tukikeskus']);
    const setupLink = /(http:\/\/\S+\/setup\/[A-Za-z0-9_-]{43})/.exec(output)?.[1];
    expect(setupLink).toBeDefined();
    // A few associations to work with (the seed also adds its demo users to the workspace).
    runScript('scripts/seed-demo.ts', [
      '--workspace',
      workspace,
      '--scale',
      '0.02',
      '--password',
      E2E_PASSWORD,
    ]);

    await page.goto(setupLink as string);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ota Kohtaamo käyttöön');
    await hydrated(page);
    await page.getByLabel('Nimi').fill('Uuno Ylläpitäjä');
    await page.getByLabel('Sähköpostiosoite').fill(`uuno-${workspace}@example.invalid`);
    await page.getByLabel('Uusi salasana').fill('salasana1234');
    await page.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(page.getByRole('alert')).toContainText('liian helppo arvata');
    await hydrated(page);
    await page.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Etusivu');

    await page.getByRole('link', { name: 'Käyttäjät' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Käyttäjät');
    const staffEmail = `sanna-${workspace}@example.invalid`;
    await page.getByLabel('Sähköpostiosoite').fill(staffEmail);
    await page.getByLabel('Rooli', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
    const inviteLink = await page.getByLabel('Linkki').inputValue();
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    const staffContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const staff = await staffContext.newPage();
    await staff.goto(inviteLink);
    await hydrated(staff);
    await expect(staff.getByText(staffEmail)).toBeVisible();
    await staff.getByLabel('Nimi').fill('Sanna Savolainen');
    await staff.getByLabel('Uusi salasana').fill('kuusi-karhua-kävelee-metsässä');
    await staff.getByRole('button', { name: 'Liity' }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
    await expect(staff.getByRole('link', { name: 'Käyttäjät' })).toHaveCount(0);

    // Out and in again through the login form.
    await staff.getByRole('link', { name: /Sanna Savolainen/ }).click();
    await staff.getByRole('button', { name: 'Kirjaudu ulos', exact: true }).click();
    await expect(staff.getByRole('status')).toHaveText('Olet kirjautunut ulos.');
    await hydrated(staff);
    await staff.getByLabel('Sähköpostiosoite').fill(staffEmail);
    await staff.getByLabel('Salasana').fill('kuusi-karhua-kävelee-metsässä');
    await staff.getByRole('button', { name: 'Kirjaudu' }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Etusivu');

    // The invitation works once.
    const again = await browser.newPage();
    await again.goto(inviteLink);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('Sivua ei löytynyt');
    await expect(again.getByRole('main')).toContainText('Linkki on vanhentunut tai jo käytetty');

    await staff.getByRole('link', { name: 'Yhdistykset', exact: true }).click();
    await staff.locator('main table tbody tr a').first().click();
    await staff.waitForURL(/\/associations\/[0-9A-Z]{26}$/);
    await staff.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
    await staff.getByLabel('Muistiinpanot').fill('Ensimmäinen kirjaus uudessa työtilassa.');
    await staff.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
    await expect(staff.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
    await expect(staff.locator('section[aria-labelledby="timeline-heading"] li').first()).toContainText(
      'Ensimmäinen kirjaus uudessa työtilassa.',
    );

    // The admin sees both in the audit log.
    await page.getByRole('link', { name: 'Muutosloki' }).click();
    await expect(page.locator('main table')).toContainText('member.join');
    await expect(page.locator('main table')).toContainText('interaction.log');
    await staffContext.close();
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateOf('viewer') });

  test('sees no edit controls and gets 403 when posting directly', async ({ page }) => {
    await page.goto('/associations');
    await page.locator('main table tbody tr a').first().click();
    await page.waitForURL(/\/associations\/[0-9A-Z]{26}$/);
    await expect(page.locator('section[aria-labelledby="timeline-heading"]')).toBeVisible();
    const url = page.url();
    await expect(page.locator('summary', { hasText: 'Kirjaa yhteydenotto' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Muokkaa perustietoja' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /arkistoi|palauta/i })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Siirrä', exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Asetukset' })).toHaveCount(0);
    const posted = await page.request.post(`${url}?/archive`, {
      form: { version: '1' },
      headers: { origin: new URL(url).origin, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    await page.goto('/tasks');
    await expect(page.getByRole('button', { name: 'Merkitse tehdyksi' })).toHaveCount(0);
    await page.goto('/pipeline');
    await expect(page.locator('form.move')).toHaveCount(0);
  });
});
