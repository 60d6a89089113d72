// The acceptance walk of "records by hand": a centre that starts from nothing (no seed, no import)
// sets up its workspace, invites its staff and keeps every everyday record in the browser, step by
// step as a new centre would. A viewer of the same workspace gets no controls and is refused on
// the server when posting the new actions directly.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './auth';
import { baseURL } from './http';
import { expectNoAxeViolations, findTask, finnishDate, helsinkiDatePlus, hydrated } from './support';
import { createWorkspace } from './workspaces';

test.use({ storageState: { cookies: [], origins: [] } });

/** The admin invites `email` in `role`; the invitation is listed as pending, and its link returned. */
async function invite(admin: Page, email: string, role: 'staff' | 'viewer'): Promise<string> {
  await admin.goto('/admin/users');
  await hydrated(admin);
  await admin.getByLabel('Sähköpostiosoite').fill(email);
  await admin.getByLabel('Rooli', { exact: true }).selectOption(role);
  await admin.getByRole('button', { name: 'Luo kutsulinkki' }).click();
  const link = await admin.getByLabel('Linkki').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await admin.goto('/admin/users');
  await expect(admin.locator('ul.invitations')).toContainText(email);
  return link;
}

/** Someone new opens their invitation in a browser of their own and joins under `name`. */
async function join(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(link);
  await hydrated(page);
  await page.getByLabel('Nimi').fill(name);
  await page.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Liity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
  return page;
}

async function newAssociation(page: Page, name: string, municipalities: string): Promise<void> {
  await page.goto('/associations');
  await hydrated(page);
  await page.getByRole('link', { name: 'Uusi yhdistys' }).first().click();
  await hydrated(page);
  await page.getByLabel('Nimi *').fill(name);
  await page.getByLabel('Kunnat *').fill(municipalities);
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
}

async function addPerson(page: Page, name: string, role: string, startDate?: string): Promise<void> {
  await hydrated(page);
  await page.locator('summary', { hasText: 'Lisää henkilö' }).click();
  await page.getByLabel('Nimi *').fill(name);
  await page.getByLabel('Rooli', { exact: true }).selectOption({ label: role });
  if (startDate) await page.getByLabel('Alkaen (valinnainen)').fill(startDate);
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
}

test('from an empty workspace: set up, invite, and keep associations, people, roles, a partner and a task by hand', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const workspace = `tyhja-${stamp}`;

  // The admin sets the workspace up and names it.
  await page.goto(createWorkspace(workspace, 'Tyhjä keskus'));
  await hydrated(page);
  await page.getByLabel('Keskuksen nimi').fill('Ylä-Savon järjestöpalvelut');
  await page.getByLabel('Nimi', { exact: true }).fill('Aino Ylläpitäjä');
  await page.getByLabel('Sähköpostiosoite').fill(`aino-${stamp}@example.invalid`);
  await page.getByLabel('Uusi salasana').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Luo tunnus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Etusivu');
  // The empty workspace says what to do next in the product's own terms, never by a command.
  await expect(page.locator('main')).not.toContainText('npm');
  await page.goto('/associations');
  await expect(page.locator('main')).toContainText('Lisää ensimmäinen yhdistys');
  await expect(page.locator('main')).not.toContainText('npm');
  await expectNoAxeViolations(page);

  // A staff member is invited (pending until accepted), and a viewer too.
  const staffEmail = `sanna-${stamp}@example.invalid`;
  const viewerEmail = `veikko-${stamp}@example.invalid`;
  const staffLink = await invite(page, staffEmail, 'staff');
  const viewerLink = await invite(page, viewerEmail, 'viewer');
  await expectNoAxeViolations(page);
  const staff = await join(browser, staffLink, 'Sanna Savolainen');
  await page.goto('/admin/users');
  await expect(page.locator('ul.invitations')).not.toContainText(staffEmail);
  await expect(page.locator('ul.invitations')).toContainText(viewerEmail);
  await expect(page.locator('main')).toContainText('Sanna Savolainen');

  // Three associations by hand; the third is a likely duplicate of the first, opened instead.
  await newAssociation(staff, 'Iisalmen Sydänyhdistys ry', 'Iisalmi, Vieremä');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Iisalmen Sydänyhdistys ry');
  const heartUrl = staff.url().split('?')[0] ?? '';
  await newAssociation(staff, 'Vieremän Kyläavustajat ry', 'Vieremä');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Vieremän Kyläavustajat ry');
  const villageUrl = staff.url().split('?')[0] ?? '';
  await newAssociation(staff, 'iisalmen sydänyhdistys r.y.', 'Vieremä');
  await expect(staff.getByRole('alert')).toContainText('Onko tämä yhdistys jo Kohtaamossa?');
  await staff.getByRole('alert').getByRole('link', { name: 'Iisalmen Sydänyhdistys ry' }).click();
  await expect(staff).toHaveURL(heartUrl);
  await staff.goto('/associations');
  await expect(staff.locator('main table tbody tr')).toHaveCount(2);

  // A chair and a secretary (her name misspelt), then the same secretary in the second association.
  await staff.goto(heartUrl);
  await addPerson(staff, 'Kalle Kalliomäki', 'Puheenjohtaja', '2022-04-01');
  await expect(staff.getByRole('status')).toHaveText('Henkilö lisätty.');
  await addPerson(staff, 'Seija Sihteerinenn', 'Sihteeri');
  await expect(staff.getByRole('status')).toHaveText('Henkilö lisätty.');
  await staff.goto(villageUrl);
  await addPerson(staff, 'Seija Sihteerinenn', 'Sihteeri');
  await staff
    .getByRole('group', { name: /Samanniminen henkilö on jo Kohtaamossa/ })
    .getByLabel(/Seija Sihteerinenn/)
    .check();
  await staff.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(staff.getByRole('status')).toHaveText('Henkilö lisätty.');
  await staff.goto('/people');
  const people = staff.locator('main table tbody tr');
  await expect(people).toHaveCount(2);
  await expect(people.filter({ hasText: 'Seija Sihteerinenn' })).toHaveCount(1);

  // Spring: the chair's role ends and stays as history; a new chair is added.
  await staff.goto(heartUrl);
  await hydrated(staff);
  await staff.getByText('Muuta roolia').first().click();
  await staff.getByLabel('Päättyi: Kalle Kalliomäki').fill('2026-03-31');
  await staff.getByRole('button', { name: 'Päätä rooli' }).first().click();
  await expect(staff.getByRole('status')).toHaveText('Rooli päätetty. Se näkyy entisissä rooleissa.');
  await addPerson(staff, 'Liisa Lehtonen', 'Puheenjohtaja', '2026-04-01');
  await expect(staff.getByRole('status')).toHaveText('Henkilö lisätty.');
  const board = staff.locator('section[aria-labelledby="people-heading"]');
  await expect(board.locator('ul.people').first()).toContainText('Liisa Lehtonen');
  await expect(board.locator('ul.people').first()).not.toContainText('Kalle Kalliomäki');
  await expect(board.locator('ul.former')).toContainText('Kalle Kalliomäki');
  await expect(board.locator('ul.former')).toContainText('1.4.2022–31.3.2026');

  // The secretary's name is corrected once: right on both associations and in search.
  await board.getByRole('link', { name: 'Seija Sihteerinenn' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Seija Sihteerinenn');
  const seijaPath = new URL(staff.url()).pathname;
  const roles = staff.locator('section[aria-labelledby="memberships-heading"]');
  await expect(roles).toContainText('Iisalmen Sydänyhdistys ry');
  await expect(roles).toContainText('Vieremän Kyläavustajat ry');
  await hydrated(staff);
  await staff.getByLabel('Nimi', { exact: true }).fill('Seija Sihteerinen');
  await staff.getByRole('button', { name: 'Korjaa nimi' }).click();
  await expect(staff.getByRole('status')).toHaveText('Nimi korjattu.');
  for (const url of [heartUrl, villageUrl]) {
    await staff.goto(url);
    await expect(staff.locator('section[aria-labelledby="people-heading"]')).toContainText(
      'Seija Sihteerinen',
    );
    await expect(staff.locator('section[aria-labelledby="people-heading"]')).not.toContainText(
      'Sihteerinenn',
    );
  }
  await staff.goto('/associations?q=sihteerinen');
  await expect(staff.locator('main table tbody tr')).toHaveCount(2);
  await staff.goto('/people');
  await expect(staff.locator('main table tbody')).toContainText('Seija Sihteerinen');
  await expect(staff.locator('main table tbody')).not.toContainText('Sihteerinenn');

  // A municipal council as a partner, and a meeting with it logged at once.
  await staff.goto('/associations/new');
  await hydrated(staff);
  await staff.getByLabel('Toimijan laji').selectOption({ label: 'Vanhus- tai vammaisneuvosto' });
  await staff.getByLabel('Nimi *').fill('Iisalmen vanhus- ja vammaisneuvosto');
  await staff.getByLabel('Kunnat *').fill('Iisalmi');
  await staff.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await staff.getByRole('button', { name: 'Tallenna kumppani' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Iisalmen vanhus- ja vammaisneuvosto');
  await expect(staff.getByRole('status')).toHaveText('Kumppani on lisätty.');
  await hydrated(staff);
  await staff.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Kohtaaminen' });
  await staff.locator('#contact-notes').fill('Neuvoston kokous: järjestöjen esittely keväällä.');
  await staff.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(staff.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  await expect(staff.locator('section[aria-labelledby="timeline-heading"] li').first()).toContainText(
    'Neuvoston kokous: järjestöjen esittely keväällä.',
  );

  // A task with no contact behind it, found in My tasks.
  await staff.goto(villageUrl);
  await hydrated(staff);
  await staff.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await staff.getByLabel('Mitä pitää tehdä').fill('Lähetä tarjottimen ohjeet');
  await staff.getByLabel('Määräpäivä').fill(helsinkiDatePlus(2));
  await staff.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(staff.getByRole('status')).toHaveText('Tehtävä lisätty.');
  const task = staff.locator('ul.tasks li').filter({ hasText: 'Vieremän Kyläavustajat ry' });
  await findTask(staff, task, { due: helsinkiDatePlus(2) });
  await expect(task).toContainText('Lähetä tarjottimen ohjeet');
  await expect(task).toContainText(finnishDate(helsinkiDatePlus(2)));

  // The viewer sees the records and no controls, and is refused every new action posted directly.
  const viewer = await join(browser, viewerLink, 'Veikko Katselija');
  await viewer.goto('/associations');
  await expect(viewer.locator('main table tbody tr')).toHaveCount(3);
  await expect(viewer.getByRole('link', { name: 'Uusi yhdistys' })).toHaveCount(0);
  await viewer.goto(heartUrl);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Iisalmen Sydänyhdistys ry');
  for (const control of ['Lisää henkilö', 'Kirjaa yhteydenotto', 'Uusi tehtävä', 'Muuta roolia']) {
    await expect(viewer.getByText(control, { exact: true })).toHaveCount(0);
  }
  await expectNoAxeViolations(viewer);
  const heartPath = new URL(heartUrl).pathname;
  for (const [path, form] of [
    ['/associations/new?/create', { name: 'Viewerin yhdistys', municipalities: 'Iisalmi' }],
    [`${heartPath}?/addPerson`, { name: 'Ei Lisätä', role: 'chair' }],
    [`${heartPath}?/addTask`, { title: 'Ei tehtävää', due: helsinkiDatePlus(3) }],
    [`${heartPath}?/endRole`, { endDate: helsinkiDatePlus(0) }],
    [`${heartPath}?/changeRole`, { role: 'treasurer' }],
    [`${heartPath}?/logContact`, { kind: 'call' }],
    [`${seijaPath}?/rename`, { name: 'Väärä Nimi', version: '1' }],
  ] as const) {
    const response = await viewer.request.post(path, {
      form,
      headers: { origin: baseURL, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
  }
  // The same post from the staff member is answered (a field error), so the 403s above are the role's.
  const control = await staff.request.post(`${heartPath}?/addTask`, {
    form: { title: '', due: helsinkiDatePlus(3) },
    headers: { origin: baseURL, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(control.status()).toBe(400);
  await viewer.context().close();
  await staff.context().close();
});
