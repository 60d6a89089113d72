// An event in the browser: ten registrations from four associations, eight marked attended, five
// feedback forms through the public link (one refused with a message), and the report of the
// event's day showing 8 participants, 4 associations and the distribution of the answers.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { backdatedStamp, expectNoAxeViolations, helsinkiDatePlus, hydrated } from './support';

const NAME = 'Pienmarkkinat Iisalmessa (e2e)';
const USEFUL = 'Tapahtuma oli minulle hyödyllinen.';
const LEARNED = 'Sain uutta tietoa tai ideoita.';

async function register(
  page: Page,
  association: string,
  who: { person?: true; name?: string; dietary?: string },
) {
  await hydrated(page);
  await page.getByLabel('Hae ilmoittautujan yhdistys').fill(association);
  await page.getByRole('button', { name: 'Hae', exact: true }).click();
  await page.waitForURL(/find=/);
  await page
    .getByRole('list', { name: 'Yhdistys' })
    .getByRole('link', { name: association, exact: true })
    .click();
  await page.waitForURL(/association=/);
  await hydrated(page);
  if (who.person) {
    await page.getByLabel('Henkilö', { exact: true }).selectOption({ index: 1 });
  } else {
    await page.getByLabel('Nimi (jos henkilöä ei ole valittu)').fill(who.name ?? '');
  }
  if (who.dietary) await page.getByLabel('Ruokavalio').fill(who.dietary);
  await page.getByRole('button', { name: 'Lisää ilmoittautuminen' }).click();
  await page.waitForURL(/done=registered/);
  await expect(page.getByRole('status').first()).toHaveText('Ilmoittautuminen lisätty.');
}

async function sendFeedback(page: Page, url: string, answers: Record<string, number>, open?: string) {
  await page.goto(url);
  await hydrated(page);
  for (const [statement, value] of Object.entries(answers)) {
    await page
      .getByRole('group', { name: statement })
      .getByRole('radio', { name: new RegExp(`^\\s*${value} –`) })
      .check();
  }
  if (open) await page.getByLabel('Mikä oli parasta?').fill(open);
  // A form sent faster than a person can answer is refused: its stamp is back-dated, not waited for.
  const token = new URL(url).pathname.split('/').pop() ?? '';
  await page.locator('input[name="stamp"]').evaluate((input, stamp) => {
    (input as HTMLInputElement).value = stamp;
  }, backdatedStamp(token));
  await page.getByRole('button', { name: 'Lähetä palaute' }).click();
}

test('register 10 from 4 associations, mark 8 attended, 5 feedback forms (1 refused), and the report of the day', async ({
  page,
  browser,
}) => {
  const date = helsinkiDatePlus(30);
  await page.goto('/events');
  await page.getByRole('link', { name: 'Uusi tapahtuma' }).click();
  await page.waitForURL(/\/events\/new$/);
  await hydrated(page);
  await page.getByLabel('Nimi').fill(NAME);
  await page.getByLabel('Laji').selectOption('pienmarkkinat');
  await page.getByLabel('Päivä').fill(date);
  await page.getByLabel('Alkaa klo (tt:mm)').fill('10:00');
  await page.getByLabel('Kunta').fill('Iisalmi');
  await page.getByRole('button', { name: 'Luo tapahtuma' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  const eventUrl = page.url();

  // Four associations from the directory, found on the event page by their names.
  await page.goto('/associations?municipality=Iisalmi');
  const associations = (await page.locator('main table tbody tr td:first-child a').allTextContents()).slice(
    0,
    4,
  );
  expect(associations).toHaveLength(4);
  await page.goto(eventUrl);
  const plan: [number, { person?: true; name?: string; dietary?: string }][] = [
    [0, { person: true }],
    [0, { name: 'Aila Ahonen', dietary: 'gluteeniton' }],
    [0, { name: 'Antti Ahonen' }],
    [1, { name: 'Bertta Björk' }],
    [1, { name: 'Börje Björk' }],
    [1, { name: 'Birgitta Bäck' }],
    [2, { name: 'Cecilia Carlsson' }],
    [2, { name: 'Caj Carlsson' }],
    [3, { name: 'Daniel Dahl' }],
    [3, { name: 'Dora Dahl' }],
  ];
  for (const [index, who] of plan) await register(page, associations[index] as string, who);
  await expect(page.locator('table.registrations tbody tr')).toHaveCount(10);
  await expect(page.locator('table.registrations')).toContainText('gluteeniton');
  await expectNoAxeViolations(page);

  // On the day: everyone but Antti and Birgitta came.
  await page.getByRole('link', { name: 'Merkitse osallistujat' }).click();
  await page.waitForURL(/\/attendance$/);
  await hydrated(page);
  for (const row of await page.locator('label.check').all()) {
    const text = (await row.textContent()) ?? '';
    if (!text.includes('Antti Ahonen') && !text.includes('Birgitta Bäck')) await row.locator('input').check();
  }
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tallenna osallistujat' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Osallistujat tallennettu.');
  await expect(page.locator('p.counts')).toHaveText('10 ilmoittautunutta · 8 osallistui · 4 yhdistystä');

  // Feedback through the public link, without logging in.
  const link = await page.getByLabel('Julkinen palautelinkki').inputValue();
  expect(link).toMatch(/\/feedback\/[A-Za-z0-9_-]{20,}$/);
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await anonymous.newPage();
  await sendFeedback(visitor, link, {});
  await expect(visitor.getByRole('alert')).toContainText(
    'Vastaa vähintään yhteen kysymykseen ennen lähettämistä.',
  );
  await expectNoAxeViolations(visitor);
  const answers: Record<string, number>[] = [
    { [USEFUL]: 4, [LEARNED]: 3 },
    { [USEFUL]: 4, [LEARNED]: 4 },
    { [USEFUL]: 3 },
    { [USEFUL]: 2, [LEARNED]: 4 },
  ];
  for (const [i, answer] of answers.entries()) {
    await sendFeedback(visitor, link, answer, i === 0 ? 'Uudet tuttavuudet' : undefined);
    await expect(visitor.getByRole('status')).toHaveText('Kiitos palautteestasi!');
  }
  await anonymous.close();

  await page.goto(eventUrl);
  await expect(page.getByText('4 palautetta')).toBeVisible();
  const useful = page.locator('table.likert').getByRole('row', { name: new RegExp(USEFUL) });
  await expect(useful.locator('td')).toHaveText(['0', '1', '1', '2', '4', '3,3']);
  await expect(page.getByText('Uudet tuttavuudet')).toBeVisible();

  // An association that came has the event on its timeline.
  await page.locator('table.registrations tbody tr').first().locator('a').click();
  await expect(page.locator('section[aria-labelledby="timeline-heading"]')).toContainText(NAME);

  // The report of the event's day.
  await page.goto(`/reports?from=${date}&to=${date}`);
  await expect(page.locator('[data-figure="events"] .figure')).toHaveText('1');
  await expect(page.locator('[data-figure="participants"] .figure')).toHaveText('8');
  await expect(page.locator('[data-figure="eventAssociations"] .figure')).toHaveText('4');
  await expect(page.locator('[data-figure="feedback"] a')).toHaveText('4');
  const reportUseful = page.locator('table.likert').getByRole('row', { name: new RegExp(USEFUL) });
  await expect(reportUseful.locator('td')).toHaveText(['0', '1', '1', '2', '4', '3,3']);
  await expectNoAxeViolations(page);

  // Every figure opens its rows: eight participants.
  await page.locator('[data-figure="participants"] .figure').click();
  await expect(page.locator('table.report-rows tbody tr')).toHaveCount(8);
  await expectNoAxeViolations(page);
  await page.goBack();

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^CSV/ }).click(),
  ]);
  const text = (await readFile(await csv.path())).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('Tapahtumat ja osallistujat;Osallistujat;8');
  expect(text).toContain('Tapahtumat ja osallistujat;Osallistuneet yhdistykset;4');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excel-työkirja' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`kohtaamo-raportti-${date}-${date}.xlsx`);
});

test('the public feedback link refuses a form without its time stamp, ignores bots and limits floods', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto('/events');
  await page.locator('section[aria-labelledby="event.past-heading"] a').first().click();
  await page.waitForURL(/\/events\/[0-9A-Z]{26}$/);
  const countOf = async () =>
    Number(/(\d+) palaute(?:tta)?\b/.exec((await page.locator('main').textContent()) ?? '')?.[1]);
  const before = await countOf();
  const link = new URL(await page.locator('#feedback-url').inputValue());
  const visitor = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { origin: baseURL ?? '', accept: 'text/html' },
  });
  const form = await (await visitor.get(link.pathname)).text();
  const stamp = /name="stamp" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const post = (fields: Record<string, string>) =>
    visitor.post(link.pathname, { form: { 'q-useful': '3', ...fields }, maxRedirects: 0 });

  const unstamped = await post({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
  expect(unstamped.status()).toBe(400);
  expect(await unstamped.text()).toContain('Lomake vanheni tai lähetettiin liian nopeasti');
  const tooFast = await post({ stamp, id: '01ARZ3NDEKTSV4RRFFQ69G5FAW' });
  expect(tooFast.status()).toBe(400);
  // A stamp stores one feedback: each form below is a form handed out of its own, back-dated past
  // the minimum fill time.
  const token = link.pathname.split('/').pop() ?? '';
  const stamps = Array.from({ length: 11 }, () => backdatedStamp(token));
  // A bot that fills the hidden field is thanked, and nothing is stored.
  expect(
    (
      await post({
        stamp: backdatedStamp(token),
        id: '01ARZ3NDEKTSV4RRFFQ69G5FAX',
        website: 'http://spam.example',
      })
    ).status(),
  ).toBe(200);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    statuses.push(
      (
        await post({ stamp: stamps[i] ?? '', id: `01ARZ3NDEKTSV4RRFFQ69G5F${String(i).padStart(2, '0')}` })
      ).status(),
    );
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
  expect(statuses[10]).toBe(429);
  await page.reload();
  expect(await countOf()).toBe(before + 10);
  await visitor.dispose();
});
