// A campaign in the browser: a filtered set of associations, the mailing recorded on their
// timelines, five calls with different outcomes by two staff members in two browsers who never
// get the same association, and the "call back" in the caller's tasks.
import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './auth';
import { expectNoAxeViolations, findTask, hydrated } from './support';

const NAME = 'Tarjotin-kirje Iisalmi (e2e)';
const callUrl = /\/campaigns\/[0-9A-Z]{26}\/call\/([0-9A-Z]{26})/;
const callee = (page: Page) => callUrl.exec(page.url())?.[1] ?? '';

async function logOutcome(page: Page, outcome: string) {
  await hydrated(page);
  await page
    .getByRole('group', { name: 'Kirjaa tulos yhdellä napilla' })
    .getByRole('button', { name: outcome })
    .click();
}

test('two callers work one call list: mailing on the timelines, five outcomes, no association twice at once, call back in My tasks', async ({
  browser,
}) => {
  const adminContext = await browser.newContext({ storageState: storageStateOf('admin') });
  const staffContext = await browser.newContext({ storageState: storageStateOf('staff') });
  const admin = await adminContext.newPage();
  const staff = await staffContext.newPage();

  await admin.goto('/campaigns');
  await admin.getByRole('link', { name: 'Uusi kampanja' }).click();
  await admin.waitForURL(/\/campaigns\/new$/);
  await hydrated(admin);
  await admin.getByLabel('Kunta').selectOption('Iisalmi');
  await admin.getByLabel('Vain ne, jotka eivät ole vielä tarjottimella').check();
  await admin.getByRole('button', { name: 'Näytä valitut' }).click();
  await admin.waitForURL(/municipality=Iisalmi&.*notOnTarjotin=yes/);
  const countText = (await admin.getByText(/^Rajaus valitsee \d+ yhdistystä\.$/).textContent()) ?? '';
  const chosen = Number(/\d+/.exec(countText)?.[0]);
  expect(chosen).toBeGreaterThanOrEqual(6);
  await expectNoAxeViolations(admin);
  await hydrated(admin);
  await admin.getByLabel('Kampanjan nimi').fill(NAME);
  await admin.getByLabel('Mitä postitettiin (aihe)').fill('Onko yhdistyksesi jo tarjottimella?');
  await admin.getByRole('button', { name: 'Luo kampanja ja soittolista' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(admin.getByText('Kampanja ja soittolista luotu.')).toBeVisible();
  await expect(admin.locator('table.call-list tbody tr')).toHaveCount(chosen);
  // The mailing is recorded on every timeline in the background.
  await expect
    .poll(
      async () => {
        await admin.reload();
        return admin.getByRole('heading', { name: 'Postituksen kirjaus aikajanoille' }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(0);
  await expectNoAxeViolations(admin);
  const campaignUrl = admin.url();

  // Both take the next call at the same moment: two different associations.
  await staff.goto(campaignUrl);
  await Promise.all([
    admin.getByRole('button', { name: 'Seuraava puhelu' }).click(),
    staff.getByRole('button', { name: 'Seuraava puhelu' }).click(),
  ]);
  await Promise.all([admin.waitForURL(callUrl), staff.waitForURL(callUrl)]);
  expect(callee(admin)).not.toBe(callee(staff));
  await expectNoAxeViolations(admin);
  const called = new Set<string>();

  // Five calls, each outcome in one click; after each, the caller gets the next free association.
  const calls: [Page, string][] = [
    [admin, 'Tavoitettu'],
    [staff, 'Ei vastannut'],
    [admin, 'Varattu'],
    [staff, 'Soitetaan uudelleen'],
    [admin, 'Ei kiinnostunut'],
  ];
  for (const [page, outcome] of calls) {
    const other = page === admin ? staff : admin;
    expect(callee(page)).not.toBe(callee(other));
    called.add(callee(page));
    await logOutcome(page, outcome);
    await page.waitForURL(/logged=1/);
    await expect(page.getByRole('status')).toHaveText('Puhelu kirjattu.');
  }
  expect(called.size).toBe(5);

  await admin.goto(campaignUrl);
  const outcomes = admin.locator('table.outcomes');
  for (const [outcome, count] of <[string, string][]>[
    ['Tavoitettu', '1'],
    ['Ei vastannut', '1'],
    ['Varattu', '1'],
    ['Soitetaan uudelleen', '1'],
    ['Ei kiinnostunut', '1'],
    ['Väärä numero', '0'],
  ]) {
    await expect(outcomes.getByRole('row', { name: outcome })).toContainText(count);
  }
  await expect(admin.locator('#progress-text')).toContainText(`3 / ${chosen} yhdistystä käsitelty`);

  // The call back is in the staff member's tasks.
  const task = staff.locator('ul.tasks li').filter({ hasText: `Soita takaisin: ${NAME}` });
  await findTask(staff, task);
  await expect(task).toHaveCount(1);

  // A called association's timeline shows the mailing and the call.
  const first = [...called][0] as string;
  await admin.goto(`/associations/${first}`);
  const timeline = admin.locator('section[aria-labelledby="timeline-heading"]');
  await expect(timeline).toContainText('Onko yhdistyksesi jo tarjottimella?');
  await expect(timeline).toContainText('Tavoitettu');
  await adminContext.close();
  await staffContext.close();
});
