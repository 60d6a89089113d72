// The daily loop: My tasks cannot hide work. Each group shows its true total and its own first
// tasks, so today's are on the first view however many are overdue; the front page's counts lead
// to the groups; the team view filters by whose tasks they are.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, finnishDate, helsinkiDatePlus, hydrated } from './support';

// Tasks are added to seeded associations: a new association would change the directory's count.
async function openSeeded(page: Page, name: string) {
  await page.goto(`/associations?${new URLSearchParams({ q: name })}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await hydrated(page);
}

const total = async (heading: Locator) => Number((await heading.textContent())?.match(/\((\d+)\+?\)/)?.[1]);

test('today’s tasks are on the first view of My tasks behind more than 100 overdue, and the totals hold', async ({
  page,
}) => {
  await openSeeded(page, 'Ahkiolahden Kuuloyhdistys ry');
  await page.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await page.getByLabel('Mitä pitää tehdä').fill('Soita tänään puheenjohtajalle');
  await page.getByLabel('Määräpäivä').fill(helsinkiDatePlus(0));
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä lisätty.');

  await page.goto('/tasks');
  const overdueHeading = page.locator('#group-overdue');
  const overdue = await total(overdueHeading);
  expect(overdue).toBeGreaterThan(100);
  const today = page.locator('section[aria-labelledby="group-today"]');
  await expect(
    today.locator('ul.tasks li').filter({ hasText: 'Soita tänään puheenjohtajalle' }),
  ).toContainText('Ahkiolahden Kuuloyhdistys ry');
  expect(await total(page.locator('#group-today'))).toBe(await today.locator('ul.tasks li').count());
  await expectNoAxeViolations(page);

  // The front page's count is the same total and leads to the group, which pages through exactly it.
  await page.goto('/');
  await expect(page.getByTestId('overdue-count')).toHaveText(`Myöhässä: ${overdue}`);
  await page.getByRole('link', { name: `Myöhässä: ${overdue}` }).click();
  await expect(page.locator('section.task-group')).toHaveCount(1);
  let listed = await page.locator('ul.tasks li').count();
  const more = page.getByRole('link', { name: 'Lisää tehtäviä' });
  for (let pages = 0; (await more.count()) > 0 && pages < 20; pages++) {
    const before = page.url();
    await more.click();
    await page.waitForURL((url) => url.href !== before);
    listed += await page.locator('ul.tasks li').count();
  }
  expect(listed).toBe(overdue);
});

test('the team view shows one member’s tasks or the team’s own', async ({ page }) => {
  await openSeeded(page, 'Ahkiolahden Työttömät ry');
  await page.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await page.getByLabel('Mitä pitää tehdä').fill('Joku tiimistä käy kokouksessa');
  await page.getByLabel('Vastuuhenkilö').selectOption({ label: 'Tiimi (kuka tahansa henkilökunnasta)' });
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä lisätty.');

  await page.goto('/tasks?view=team');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiimin tehtävät');
  const everyone = await total(page.locator('#group-overdue'));
  await page.getByLabel('Kenen tehtävät').selectOption({ label: 'Ville Korhonen' });
  await page.getByRole('button', { name: 'Näytä', exact: true }).click();
  await expect(page).toHaveURL(/member=demo-ville/);
  const villes = page.locator('ul.tasks li');
  expect(await villes.count()).toBeGreaterThan(0);
  for (const item of await villes.all()) await expect(item).toContainText('Ville Korhonen');
  expect(await total(page.locator('#group-overdue'))).toBeLessThan(everyone);

  await page.getByLabel('Kenen tehtävät').selectOption({ label: 'Tiimille (ei tekijää)' });
  await page.getByRole('button', { name: 'Näytä', exact: true }).click();
  await expect(page).toHaveURL(/member=team/);
  await expect(page.locator('ul.tasks li').filter({ hasText: 'Joku tiimistä käy kokouksessa' })).toHaveCount(
    1,
  );
  for (const item of await page.locator('ul.tasks li').all()) {
    await expect(item).toContainText('Tiimi (kuka tahansa henkilökunnasta)');
  }
  await expectNoAxeViolations(page);
});

test('twenty of a colleague’s overdue tasks moved to one date at once, each answering for itself', async ({
  page,
  baseURL,
}) => {
  const list = '/tasks?view=team&member=demo-ville&group=overdue';
  await page.goto(list);
  await hydrated(page);
  const overdueBefore = await total(page.locator('#group-overdue'));
  expect(overdueBefore).toBeGreaterThanOrEqual(20);
  const boxes = page.locator('ul.tasks li input[name="tasks"]');
  const chosen: string[] = [];
  for (let i = 0; i < 20; i++) {
    await boxes.nth(i).check();
    chosen.push(await boxes.nth(i).inputValue());
  }
  const due = helsinkiDatePlus(30);
  await page.locator('summary', { hasText: 'Valituille tehtäville' }).click();
  await page.getByLabel('Uusi määräpäivä').fill(due);
  await page.getByRole('button', { name: 'Siirrä päivälle' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Tehty: 20. Jo valmiiksi niin: 0. Muuttunut sillä välin: 0. Ei onnistunut: 0.',
  );
  await expect(page.locator('#group-overdue')).toContainText(`(${overdueBefore - 20})`);
  await expectNoAxeViolations(page);

  // The same form sent again (a reload that resends it): nothing is moved twice.
  const form = new URLSearchParams([
    ...chosen.map((task) => ['tasks', task]),
    ['due', due],
    ['action', 'reschedule'],
  ]);
  const resent = await page.request.post(`${list.replace('?', '?/bulk&')}`, {
    headers: {
      origin: baseURL ?? '',
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    data: form.toString(),
  });
  expect(resent.status()).toBe(200);
  expect(await resent.text()).toContain('Tehty: 0. Jo valmiiksi niin: 20.');

  // Without a chosen task the form says what to do first, and nothing changes.
  await page.goto(list);
  await page.locator('summary', { hasText: 'Valituille tehtäville' }).click();
  await page.getByRole('button', { name: 'Merkitse tehdyiksi' }).click();
  await expect(page.getByRole('alert')).toContainText('Valitse ensin vähintään yksi tehtävä listasta.');
  await expect(page.locator('#group-overdue')).toContainText(`(${overdueBefore - 20})`);
});

test('after logging the contact a task asked for, the next task is one click away', async ({ page }) => {
  await page.goto('/tasks?group=overdue');
  const first = page.locator('ul.tasks li').first();
  const firstName = (await first.locator('div a').first().textContent()) ?? '';
  await first.getByRole('link', { name: 'Kirjaa yhteydenotto ja kuittaa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName);
  await hydrated(page);
  await page.locator('#contact-notes').fill('Soitin, asia hoidettu.');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  const next = page.getByRole('link', { name: /^Seuraava tehtävä: / });
  await expect(next).toBeVisible();
  const nextName = ((await next.textContent()) ?? '').replace('Seuraava tehtävä: ', '').split(' · ')[0] ?? '';
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextName);
  await expect(page.locator('details#log')).toHaveAttribute('open', '');
  await expect(page.locator('details#log')).toContainText('Kuittaa');
});

test('the timeline tells the story: the people met, a stage change, a task created and done with a note', async ({
  page,
}) => {
  await openSeeded(page, 'Kangaslammen Invalidit ry');
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');

  await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
  const person = page.locator('#contact-people label').first();
  const personName = ((await person.textContent()) ?? '').trim();
  await person.getByRole('checkbox').check();
  await page.getByLabel('Muistiinpanot').fill('Tarinan käynti hallituksessa');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');

  const next = (await page.locator('#stage-to option:checked').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Siirrä', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Vaihe vaihdettu.');

  await page.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await page.getByLabel('Mitä pitää tehdä').fill('Lähetä tarjotinohjeet');
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä lisätty.');
  const task = page.locator('section[aria-labelledby="followups-heading"] li', {
    hasText: 'Lähetä tarjotinohjeet',
  });
  await task.locator('summary', { hasText: 'Tehty – lisää muistiinpano' }).click();
  await task.getByLabel(/^Muistiinpano aikajanalle/).fill('Ohjeet lähetetty sihteerille');
  await expectNoAxeViolations(page);
  await task.getByRole('button', { name: 'Tallenna tehdyksi' }).click();
  await expect(page.getByRole('status')).toHaveText('Jatkotoimenpide merkitty tehdyksi.');

  // Newest first: the task done (with its note), the task made, the stage change, the contact.
  const lines = timeline.locator('li');
  await expect(lines.nth(0)).toContainText('Tehtävä tehty: Lähetä tarjotinohjeet');
  await expect(lines.nth(0)).toContainText('Ohjeet lähetetty sihteerille');
  await expect(lines.nth(1)).toContainText('Tehtävä luotu: Lähetä tarjotinohjeet');
  await expect(lines.nth(2)).toContainText(new RegExp(`Tarjotinvaihe: .+ → ${next}`));
  await expect(lines.nth(3)).toContainText('Tarinan käynti hallituksessa');
  await expect(lines.nth(3)).toContainText(/kirjasi \S+/);
  await lines.nth(3).getByRole('link', { name: personName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(personName);
});

test('a pipeline card shows its owner and its last contact, in Finnish and in English', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/pipeline');
  const cards = page.locator('section[aria-labelledby="column-submitted"] li.card');
  const id = ((await cards.first().getAttribute('id')) ?? '').replace('card-', '');
  // The demo associations have no owner: a card without one names nobody.
  await expect(cards.nth(1)).not.toContainText('Vastuuhenkilö');

  await page.goto(`/associations/${id}/edit`);
  await hydrated(page);
  await page.getByLabel('Vastuuhenkilö').selectOption({ label: 'Ville Korhonen' });
  await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Perustiedot tallennettu.');
  await hydrated(page);
  await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
  await page.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Puhelu' });
  await page.locator('#contact-notes').fill('Kysyin, miten tarjottimen kohde etenee.');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');

  const today = helsinkiDatePlus(0);
  await page.goto('/pipeline');
  const card = page.locator(`#card-${id}`);
  await expect(card).toContainText('Vastuuhenkilö: Ville Korhonen');
  await expect(card).toContainText(`Viimeisin yhteys ${finnishDate(today)}`);
  await expectNoAxeViolations(page);

  await context.addCookies([{ name: 'kohtaamo-lang', value: 'en', url: baseURL ?? '' }]);
  await page.goto('/pipeline');
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const monthName = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[month - 1] ?? '';
  await expect(card).toContainText('Owner: Ville Korhonen');
  await expect(card).toContainText(`Last contact ${day} ${monthName} ${year}`);
  await expectNoAxeViolations(page);
});
