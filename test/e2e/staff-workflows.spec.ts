import { expect, test, type Page } from '@playwright/test';
import {
  clickCounter,
  dateMatcher,
  expectNoAxeViolations,
  findTask,
  finnishDate,
  helsinkiDatePlus,
  hydrated,
  tabTo,
} from './support';

async function openAssociationBySearch(page: Page, text: string, name: string) {
  await page.goto('/associations');
  await page.locator('html[data-ready="true"]').waitFor();
  const search = page.getByLabel('Hae nimellä, kunnalla tai henkilöllä');
  await search.pressSequentially(text, { delay: 30 });
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toContainText(name);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(text);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('find by typing part of a name with ä/ö, log a call with a follow-up in 3 clicks, see it on the timeline and in My tasks, complete it', async ({
  page,
}) => {
  await openAssociationBySearch(page, 'öljymäen', 'Öljymäen Kyläyhdistys ry');
  const associationUrl = page.url();

  const counter = clickCounter();
  await counter.click(page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }));
  await counter.click(page.getByLabel('Viikon päästä'));
  await page.getByLabel('Muistiinpanot').fill('Puheenjohtaja lupasi viedä tarjottimen hallitukseen.');
  await counter.click(page.getByRole('button', { name: 'Tallenna yhteydenotto' }));
  expect(counter.count()).toBeLessThanOrEqual(3);

  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  const newest = page.locator('section[aria-labelledby="timeline-heading"] li').first();
  await expect(newest).toContainText('Puhelu');
  await expect(newest).toContainText('Tavoitettu');
  await expect(newest).toContainText('Puheenjohtaja lupasi viedä tarjottimen hallitukseen.');
  const due = finnishDate(helsinkiDatePlus(7));
  await expect(page.locator('section[aria-labelledby="followups-heading"]')).toContainText(due);

  await page.getByRole('link', { name: 'Omat tehtävät' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tehtävät');
  const task = page
    .locator('ul.tasks li')
    .filter({ hasText: 'Öljymäen Kyläyhdistys ry' })
    .filter({ hasText: dateMatcher(due) });
  await findTask(page, task, { due: helsinkiDatePlus(7) });
  await expect(task).toHaveCount(1);
  await task.getByRole('button', { name: 'Merkitse tehdyksi' }).click();
  await expect(page.getByRole('status')).toHaveText('Jatkotoimenpide merkitty tehdyksi.');
  await expect(
    page
      .locator('ul.tasks li')
      .filter({ hasText: 'Öljymäen Kyläyhdistys ry' })
      .filter({ hasText: dateMatcher(due) }),
  ).toHaveCount(0);

  await page.goto(associationUrl);
  await expect(page.locator('section[aria-labelledby="followups-heading"]')).not.toContainText(due);
});

test('moving an association through two pipeline stages by keyboard only records history and days in stage', async ({
  page,
}) => {
  await openAssociationBySearch(page, 'åbo akademin', 'Åbo Akademin Savon alumnit');
  const stageSection = page.locator('section[aria-labelledby="stage-heading"]');
  const historyBefore = await stageSection.locator('ol li').count();

  for (const [option, note] of [
    ['Kieltäytyi', 'Ei resursseja tänä vuonna'],
    ['Kiinnostunut', 'Uusi hallitus innostui'],
  ] as const) {
    // After a form post the page is a new document: type only once it is hydrated, since hydration
    // can drop or undo what was typed into it before.
    await page.locator('html[data-ready="true"]').waitFor();
    await page.keyboard.press('Home');
    await tabTo(page, 'stage-to');
    await page.keyboard.type(option.slice(0, 3));
    await expect(page.locator('#stage-to')).toHaveValue(option === 'Kieltäytyi' ? 'declined' : 'interested');
    await page.keyboard.press('Tab');
    await page.keyboard.type(note);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Vaihe vaihdettu.');
    await expect(stageSection.locator('p strong').first()).toHaveText(option);
    await expect(stageSection).toContainText('(0 pv)');
    await expect(stageSection.locator('ol li').first()).toContainText(note);
  }
  await expect(stageSection.locator('ol li')).toHaveCount(historyBefore + 2);
  await expect(stageSection.locator('ol li').first()).toContainText('Kieltäytyi → Kiinnostunut');

  await page.goto('/pipeline?stage=interested');
  await expect(page.locator('#column-interested')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Åbo Akademin Savon alumnit' })).toBeVisible();
});

test('the contact form shows field errors, focuses them and keeps what was typed', async ({ page }) => {
  await openAssociationBySearch(page, 'ääneen', 'Ääneen Lukijat ry');
  await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
  await page.getByLabel('Valitse päivä').check();
  await page.getByLabel('Muistiinpanot').fill('Muistiinpano säilyy');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Tarkista merkityt kentät.');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Muistiinpanot')).toHaveValue('Muistiinpano säilyy');
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a refused contact date says why, and the date box is described by that error', async ({ page }) => {
    await page.goto('/associations?q=' + encodeURIComponent('ääneen'));
    await page.getByRole('link', { name: 'Ääneen Lukijat ry' }).click();
    await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
    await page.getByLabel('Päivä', { exact: true }).fill('2099-01-01');
    await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
    await expect(page.getByRole('alert')).toContainText('Tarkista merkityt kentät.');
    const date = page.getByLabel('Päivä', { exact: true });
    const error = page.locator('#contact-date-error');
    await expect(error).not.toBeEmpty();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription((await error.textContent()) ?? '');
    await expect(date).toHaveValue('2099-01-01');
  });

  test('log a contact with a follow-up, complete the follow-up and move a stage', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/associations?q=' + encodeURIComponent('örnin'));
    await page.getByRole('link', { name: 'Örnin Nuorisokerho' }).click();
    const associationUrl = page.url();
    await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
    await page.getByLabel('Viikon päästä').check();
    await page.getByLabel('Muistiinpanot').fill('Ilman JavaScriptiä');
    const contactId = await page.locator('form[action="?/logContact"] input[name="id"]').inputValue();
    await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
    await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
    const timeline = page.locator('section[aria-labelledby="timeline-heading"] li');
    await expect(timeline.first()).toContainText('Ilman JavaScriptiä');

    // The same form sent again (double click, back button and resend) logs nothing twice.
    const resent = await page.request.post(`${associationUrl}?/logContact`, {
      headers: { origin: baseURL ?? '' },
      form: { id: contactId, kind: 'call', followUp: 'week', notes: 'Ilman JavaScriptiä' },
      maxRedirects: 0,
    });
    expect([303, 200]).toContain(resent.status());
    await page.goto(associationUrl);
    await expect(timeline.filter({ hasText: 'Ilman JavaScriptiä' })).toHaveCount(1);

    const due = finnishDate(helsinkiDatePlus(7));
    const ours = page
      .locator('section[aria-labelledby="followups-heading"] li')
      .filter({ hasText: dateMatcher(due) });
    await expect(ours).toHaveCount(1);
    await ours.getByRole('button', { name: 'Merkitse tehdyksi' }).click();
    await expect(page.getByRole('status')).toHaveText('Jatkotoimenpide merkitty tehdyksi.');
    await expect(
      page.locator('section[aria-labelledby="followups-heading"] li').filter({ hasText: dateMatcher(due) }),
    ).toHaveCount(0);

    await page.getByLabel('Siirrä vaiheeseen').selectOption({ label: 'Tarjottimella' });
    await page.getByRole('button', { name: 'Siirrä', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Vaihe vaihdettu.');
    await expect(page.locator('section[aria-labelledby="stage-heading"] p strong').first()).toHaveText(
      'Tarjottimella',
    );
  });
});

test('a logged contact can be corrected and deleted later', async ({ page }) => {
  await openAssociationBySearch(page, 'åkerlundin', 'Åkerlundin Muistokerho');
  await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
  await page.getByLabel('Muistiinpanot').fill('Kirjoitusvirhe tässä');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  const timeline = page.locator('section[aria-labelledby="timeline-heading"] li');
  await timeline
    .filter({ hasText: 'Kirjoitusvirhe tässä' })
    .getByRole('link', { name: /^Korjaa/ })
    .click();
  await page.waitForURL(/\/interactions\/[0-9A-Z]{26}$/);
  await hydrated(page);
  await page.getByLabel('Muistiinpanot').fill('Korjattu muistiinpano');
  await page.getByRole('button', { name: 'Tallenna korjaus' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto korjattu.');
  await expect(timeline.filter({ hasText: 'Korjattu muistiinpano' })).toHaveCount(1);

  await timeline
    .filter({ hasText: 'Korjattu muistiinpano' })
    .getByRole('link', { name: /^Korjaa/ })
    .click();
  await page.getByRole('button', { name: 'Poista yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto poistettu.');
  await expect(timeline.filter({ hasText: 'Korjattu muistiinpano' })).toHaveCount(0);
});

test('on the pipeline board a card can also be dragged to another column', async ({ page }) => {
  await page.goto('/pipeline');
  await page.locator('html[data-ready="true"]').waitFor();
  const card = page.locator('section[aria-labelledby="column-not_contacted"] li.card').first();
  const href = (await card.locator('a').getAttribute('href')) ?? '';
  // The neighbouring column: a target that needs scrolling would move the page under the drag.
  const name = (await card.locator('a').textContent()) ?? '';
  await card.locator('p.days').dragTo(page.locator('section[aria-labelledby="column-contacted"] h2'));
  await expect(page.getByRole('status')).toHaveText(`${name} siirretty vaiheeseen Yhteydessä.`);
  // The moved card is shown first in its new column, and its own page says the same.
  await expect(
    page.locator('section[aria-labelledby="column-contacted"] li.card').first().locator('a'),
  ).toHaveText(name);
  await page.goto(new URL(href, page.url()).toString());
  await expect(page.locator('section[aria-labelledby="stage-heading"] p strong').first()).toHaveText(
    'Yhteydessä',
  );
});

test('by keyboard on the board, a card moves forward by default and keeps the focus in a long column', async ({
  page,
}) => {
  await page.goto('/pipeline');
  await hydrated(page);
  const target = page.locator('section[aria-labelledby="column-onboarding"]');
  // More than one page of cards: the moved one must not hide behind "more".
  expect(Number((await target.locator('.count').textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(25);
  const card = page.locator('section[aria-labelledby="column-interested"] li.card').first();
  const name = (await card.locator('a').textContent()) ?? '';
  const id = ((await card.getAttribute('id')) ?? '').replace('card-', '');
  await card.locator('a').focus();
  await tabTo(page, `to-${id}`, 3);
  // The select's default is the next stage, never an earlier one.
  await expect(page.locator(`#to-${id}`)).toHaveValue('onboarding');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`${name} siirretty vaiheeseen Tiedot pyydetty.`);
  const moved = target.locator('li.card').first();
  await expect(moved.locator('a')).toHaveText(name);
  await expect(moved.locator('a')).toBeFocused();
  await expectNoAxeViolations(page);

  // From a final stage nothing is preselected: the button alone asks for a choice.
  const published = page.locator('section[aria-labelledby="column-published"] li.card').first();
  await expect(published.locator('select')).toHaveValue('');
  await expect(published).not.toHaveClass(/stale/);
  await published.getByRole('button').click();
  await expect(page.getByRole('alert')).toContainText('Valitse vaihe, johon yhdistys siirretään.');
});
