// An event in the browser: ten registrations from four associations, eight marked attended, five
// feedback forms through the public link (one refused with a message), and the report of the
// event's day showing 8 participants, 4 associations and the distribution of the answers.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, helsinkiDatePlus, hydrated } from './support';

const NAME = 'Pienmarkkinat Iisalmessa (e2e)';
const USEFUL = 'Tapahtuma oli minulle hyödyllinen.';
const LEARNED = 'Sain uutta tietoa tai ideoita.';

async function register(
  page: Page,
  association: string,
  who: { person?: true; name?: string; dietary?: string },
) {
  await page.getByLabel('Yhdistys', { exact: true }).selectOption({ label: association });
  await page.getByRole('button', { name: 'Näytä yhdistyksen henkilöt' }).click();
  await page.waitForURL(/association=/);
  await hydrated(page);
  if (who.person) {
    const person = page.getByLabel('Henkilö', { exact: true });
    await person.selectOption({ index: 1 });
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
  // The form is refused when sent faster than a person can answer it.
  await page.waitForTimeout(2200);
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

  const options = await page.getByLabel('Yhdistys', { exact: true }).locator('option').allTextContents();
  const associations = options.slice(1, 5);
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
