// Accounts end to end: a new workspace's admin sets it up from the one-time link, invites a staff
// member, who joins and logs a contact; a viewer sees no edit controls and is refused on the server.
// And the takeover attacks: an admin never gets a link or a password for an existing account
// (invitations and resets go to its own e-mail, the outbox here), a stale setup link is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, storageStateOf } from './auth';
import { expectNoAxeViolations, hydrated } from './support';
import { createWorkspace, e2eDataDir, runScript } from './workspaces';

const dataDir = e2eDataDir;

/** The messages the e2e server has written to its outbox for `to`, oldest first. */
function mailTo(to: string): string[] {
  const outbox = join(dataDir, 'outbox');
  const names = (() => {
    try {
      return readdirSync(outbox).sort();
    } catch {
      return [];
    }
  })();
  return names
    .map((name) => readFileSync(join(outbox, name), 'utf8'))
    .filter((m) => m.includes(`To: ${to}\r\n`));
}

function linkIn(message: string | undefined, kind: 'invite' | 'reset'): string {
  const link = new RegExp(`(http://\\S+/${kind}/[A-Za-z0-9_-]{43})`).exec(message ?? '')?.[1];
  expect(link).toBeDefined();
  return link as string;
}

test.describe('a new workspace', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the admin sets it up, invites a staff member, who logs in and logs a contact', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const workspace = `uusi-${Date.now().toString(36)}`;
    const setupLink = createWorkspace(workspace, 'Uusi tukikeskus');

    await page.goto(setupLink);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ota Kohtaamo käyttöön');
    await hydrated(page);
    await expect(page.getByText('Nimeä työtila ja luo sen ensimmäinen ylläpitäjän tunnus.')).toBeVisible();
    await expect(page.getByLabel('Keskuksen nimi')).toHaveValue('Uusi tukikeskus');
    await page.getByLabel('Keskuksen nimi').fill('Uuden tukikeskuksen järjestöpalvelut');
    await page.getByLabel('Nimi', { exact: true }).fill('Uuno Ylläpitäjä');
    await page.getByLabel('Sähköpostiosoite').fill(`uuno-${workspace}@example.invalid`);
    await page.getByLabel('Uusi salasana').fill('salasana1234');
    await page.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(page.getByRole('alert')).toContainText('liian helppo arvata');
    await hydrated(page);
    await page.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
    await page.goto('/settings');
    await expect(page.getByLabel('Työtilan nimi')).toHaveValue('Uuden tukikeskuksen järjestöpalvelut');
    // A few associations to work with (the seed also adds its demo users to the workspace; the
    // setup link is used first, as the seed's admin makes any setup link useless).
    runScript('scripts/seed-demo.ts', [
      '--workspace',
      workspace,
      '--scale',
      '0.02',
      '--password',
      E2E_PASSWORD,
    ]);

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

test.describe('no cross-workspace takeover', () => {
  test('an admin of another workspace gets no link for an existing account; joining needs its session; a reset goes by mail', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const shared = `jaettu-${stamp}@example.invalid`;
    const sharedPassword = 'jaetun-käyttäjän-oma-salasana';

    // The demo admin invites a new address to the demo workspace: a link, as the address has no account.
    await page.goto('/admin/users');
    await hydrated(page);
    await page.getByLabel('Sähköpostiosoite').fill(shared);
    await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
    const firstInvite = await page.getByLabel('Linkki').inputValue();
    const user = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await user.newPage();
    await userPage.goto(firstInvite);
    await hydrated(userPage);
    await userPage.getByLabel('Nimi').fill('Jaana Jaettu');
    await userPage.getByLabel('Uusi salasana').fill(sharedPassword);
    await userPage.getByRole('button', { name: 'Liity' }).click();
    await expect(userPage.getByRole('heading', { level: 1 })).toHaveText('Etusivu');

    // The admin of another workspace invites the same address: no link, the invitation is mailed.
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherAdmin = await other.newPage();
    await otherAdmin.goto(createWorkspace(`vieras-${stamp}`, 'Vieras keskus'));
    await hydrated(otherAdmin);
    await otherAdmin.getByLabel('Nimi', { exact: true }).fill('Ville Vieras');
    await otherAdmin.getByLabel('Sähköpostiosoite').fill(`ville-${stamp}@example.invalid`);
    await otherAdmin.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
    await otherAdmin.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(otherAdmin.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
    await otherAdmin.goto('/admin/users');
    await hydrated(otherAdmin);
    await otherAdmin.getByLabel('Sähköpostiosoite').fill(shared);
    await otherAdmin.getByRole('button', { name: 'Luo kutsulinkki' }).click();
    await expect(otherAdmin.getByRole('status')).toContainText('kutsu lähetettiin sen sähköpostiin');
    await expect(otherAdmin.getByLabel('Linkki')).toHaveCount(0);
    expect(await otherAdmin.content()).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const invite = linkIn(mailTo(shared).at(-1), 'invite');

    // Signed out, the invitation asks to sign in, never for a password; after signing in it comes back.
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(invite);
    await expect(strangerPage.locator('input[type="password"]')).toHaveCount(0);
    await strangerPage.getByRole('link', { name: 'Kirjaudu sisään' }).click();
    await hydrated(strangerPage);
    await strangerPage.getByLabel('Sähköpostiosoite').fill(shared);
    await strangerPage.getByLabel('Salasana').fill(sharedPassword);
    await strangerPage.getByRole('button', { name: 'Kirjaudu' }).click();
    await expect(strangerPage).toHaveURL(invite);
    await expect(strangerPage.locator('input[type="password"]')).toHaveCount(0);
    await strangerPage.getByRole('button', { name: `Liity tunnuksella ${shared}` }).click();
    await expect(strangerPage.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
    await stranger.close();

    // The other admin resets the shared user: no link on the page; the user's sessions end; mailed.
    await otherAdmin.goto('/admin/users');
    await hydrated(otherAdmin);
    await otherAdmin.getByRole('button', { name: /Nollaa pääsy.*Jaana Jaettu/ }).click();
    await expect(otherAdmin.getByRole('status')).toContainText(`sähköpostiinsa ${shared}`);
    await expect(otherAdmin.getByLabel('Linkki')).toHaveCount(0);
    expect(await otherAdmin.content()).not.toMatch(/\/reset\/[A-Za-z0-9_-]{43}/);
    await userPage.goto('/associations');
    await expect(userPage).toHaveURL(/\/login/);

    // The demo workspace sees the reset in its own audit log.
    await page.goto('/admin/audit');
    await expect(page.locator('main table')).toContainText('member.reset');

    // The user sets a new password through the mailed link and is told by e-mail.
    await userPage.goto(linkIn(mailTo(shared).at(-1), 'reset'));
    await hydrated(userPage);
    await userPage.getByLabel('Uusi salasana').fill('uusi-salasana-jaetulle-käyttäjälle');
    await userPage.getByRole('button', { name: 'Tallenna salasana' }).click();
    await expect(userPage).toHaveURL(/\/login\?done=password/);
    expect(mailTo(shared).at(-1)).toContain('your password was changed');
    await page.goto('/admin/audit');
    await expect(page.locator('main table')).toContainText('password.reset');
    await user.close();
    await other.close();
  });

  test('a setup link is refused once the workspace has an admin (seed:demo made one)', async ({
    browser,
  }) => {
    const workspace = `vanha-${Date.now().toString(36)}`;
    const setupLink = createWorkspace(workspace, 'Vanha linkki');
    runScript('scripts/seed-demo.ts', [
      '--workspace',
      workspace,
      '--scale',
      '0.02',
      '--password',
      E2E_PASSWORD,
    ]);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const response = await page.goto(setupLink);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('main')).toContainText('Tällä työtilalla on jo ylläpitäjä');
    await expect(page.locator('input[type="password"]')).toHaveCount(0);
    await context.close();
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

test.describe('my own account', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a user corrects their name and changes their password; their other session ends', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const stamp = Date.now().toString(36);
    await page.goto(createWorkspace(`oma-${stamp}`, 'Oma keskus'));
    await hydrated(page);
    const email = `olli-${stamp}@example.invalid`;
    await page.getByLabel('Nimi', { exact: true }).fill('Olli Omistja');
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Luo tunnus' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Etusivu');

    // A second browser of the same user.
    const elsewhere = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await elsewhere.newPage();
    await other.goto('/login');
    await hydrated(other);
    await other.getByLabel('Sähköpostiosoite').fill(email);
    await other.getByLabel('Salasana').fill(E2E_PASSWORD);
    await other.getByRole('button', { name: 'Kirjaudu' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Etusivu');

    await page.goto('/account');
    await expect(page.getByText('Oma keskus')).toBeVisible();
    await hydrated(page);
    await page.getByLabel('Nimi').fill('Olli Omistaja');
    await page.getByRole('button', { name: 'Tallenna nimi' }).click();
    await expect(page.getByRole('status')).toHaveText('Nimesi on tallennettu.');
    await page.goto('/admin/users');
    await expect(page.locator('main')).toContainText('Olli Omistaja');

    await page.goto('/account');
    await hydrated(page);
    await page.getByLabel('Nykyinen salasana').fill('väärä-salasana-tähän-kohtaan');
    await page.getByLabel('Uusi salasana').fill('toinen-vihreä-kettu-juoksee-43');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await expect(page.getByRole('alert')).toContainText('Nykyinen salasana ei ole oikein.');
    await expect(page.getByLabel('Nykyinen salasana')).toHaveValue('');
    await expectNoAxeViolations(page);
    await hydrated(page);
    await page.getByLabel('Nykyinen salasana').fill(E2E_PASSWORD);
    await page.getByLabel('Uusi salasana').fill('toinen-vihreä-kettu-juoksee-43');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await expect(page.getByRole('status')).toHaveText('Salasana vaihdettu. Muut istuntosi on päätetty.');
    expect(mailTo(email).at(-1)).toBeDefined();
    // This browser goes on; the other one is signed out.
    await page.goto('/tasks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tehtävät');
    await other.goto('/tasks');
    await expect(other).toHaveURL(/\/login/);
    await elsewhere.close();
  });
});

test.describe('pending invitations', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('an admin sees a pending invitation, sends it again and revokes it; the revoked link is dead', async ({
    page,
    browser,
  }) => {
    const email = `odottaa-${Date.now().toString(36)}@example.invalid`;
    await page.goto('/admin/users');
    await hydrated(page);
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
    const first = await page.getByLabel('Linkki').inputValue();
    await page.goto('/admin/users');
    const pending = page.locator('ul.invitations li').filter({ hasText: email });
    await expect(pending).toContainText('Työntekijä');
    await expectNoAxeViolations(page);

    await pending.getByRole('button', { name: `Lähetä uudelleen: ${email}` }).click();
    const second = await page.getByLabel('Linkki').inputValue();
    expect(second).not.toBe(first);
    await page.goto('/admin/users');
    await page
      .locator('ul.invitations li')
      .filter({ hasText: email })
      .getByRole('button', { name: `Peru kutsu: ${email}` })
      .click();
    await expect(page.getByRole('status')).toHaveText('Kutsu peruttu: sen linkki ei enää toimi.');
    await expect(page.locator('ul.invitations li').filter({ hasText: email })).toHaveCount(0);

    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (const link of [first, second]) {
      const response = await (await stranger.newPage()).goto(link);
      expect(response?.status()).toBe(404);
    }
    await stranger.close();
  });
});
