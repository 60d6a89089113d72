import { expect, test, type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations, helsinkiDatePlus, hydrated } from './support';

const finnish = new Intl.Collator('fi');

async function directoryNames(page: Page): Promise<string[]> {
  return page.locator('main table tbody tr td:first-child a').allTextContents();
}

test('the directory lists all 527 seeded associations in Finnish order across its pages', async ({
  page,
}) => {
  await page.goto('/associations');
  await expect(page.getByRole('heading', { level: 1, name: 'Yhdistykset' })).toBeVisible();
  const names: string[] = [];
  for (;;) {
    names.push(...(await directoryNames(page)));
    const next = page.getByRole('link', { name: 'Seuraava sivu' });
    if ((await next.count()) === 0) break;
    const href = await next.getAttribute('href');
    await page.goto(new URL(href ?? '', page.url()).toString());
  }
  expect(names).toHaveLength(527);
  expect(names).toEqual([...names].sort(finnish.compare));
  // å, ä and ö come after z, in that order: the last names start with them.
  const initials = names.map((n) => n[0]);
  const firstÅ = initials.indexOf('Å');
  expect(firstÅ).toBeGreaterThan(initials.lastIndexOf('V'));
  expect(initials.lastIndexOf('Å')).toBeLessThan(initials.indexOf('Ä'));
  expect(initials.lastIndexOf('Ä')).toBeLessThan(initials.indexOf('Ö'));
});

test('an association page shows profile, stage with history and days, people and timeline', async ({
  page,
}) => {
  await page.goto('/associations');
  const first = page.locator('main table tbody tr td:first-child a').first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');
  await expect(page.getByRole('heading', { name: 'Perustiedot' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vaiheiden historia' })).toBeVisible();
  await expect(page.getByText(/alkaen \(\d+ pv\)/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Henkilöt' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="timeline-heading"] li').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the directory passes axe checks and starts with a working skip link', async ({ page }) => {
  await page.goto('/associations');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('switching the language to English and back works as a plain form post', async ({ page }) => {
    await page.goto('/associations');
    await page.getByRole('button', { name: 'In English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Associations' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Suomeksi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Yhdistykset' })).toBeVisible();
  });

  test('an unknown or malformed association id shows a 404 page, not an error trace', async ({ page }) => {
    const unknown = await page.goto('/associations/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(unknown?.status()).toBe(404);
    const malformed = await page.goto('/associations/not%23an-id');
    expect(malformed?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // No stack trace ("at fn (file:line:col)") and no internals reach the page.
    await expect(page.locator('body')).not.toContainText(/at \S+ \(.*:\d+:\d+\)|node_modules|Error:/);
  });
});

test('search as you type keeps the letters typed while an earlier result was on its way', async ({
  page,
}) => {
  // The page's clock is paused, so the search's pause timer fires only when the test says so.
  await page.clock.install();
  await page.goto('/associations');
  await page.locator('html[data-ready="true"]').waitFor();
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  // The result for "åker" is held until two more letters are typed, then answered mid-word.
  let release: () => void = () => {};
  const typedMore = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith('/associations/__data.json') && url.searchParams.get('q') === 'åker',
    async (route) => {
      await typedMore;
      await route.continue();
    },
  );
  const search = page.getByLabel('Hae nimellä, kunnalla tai henkilöllä');
  const held = page.waitForRequest((r) => new URL(r.url()).searchParams.get('q') === 'åker');
  await search.pressSequentially('åker');
  await page.clock.runFor(300);
  await held;
  await search.pressSequentially('lu');
  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === 'åker');
  release();
  await answered;
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('åker');
  await expect(page.locator('main table tbody tr').first()).toContainText('Åkerlundin Muistokerho');
  await expect(search).toHaveValue('åkerlu');
  await page.clock.resume();
  await search.pressSequentially('ndin');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('åkerlundin');
  await expect(search).toHaveValue('åkerlundin');
  await expect(page.locator('main table tbody tr').first()).toContainText('Åkerlundin Muistokerho');

  // A search opened from an address (a bookmark, no JavaScript yet) shows its text in the box.
  await page.goto('/associations?q=' + encodeURIComponent('öljymäen'));
  await expect(search).toHaveValue('öljymäen');
});

test('a slow answer to an older search never replaces the newer one', async ({ page }) => {
  await page.goto('/associations');
  await hydrated(page);
  // The answer for "Kuo" is held back until the answer for "Iisalmi" has been shown.
  let releaseOlder = () => {};
  const older = new Promise<void>((resolve) => (releaseOlder = resolve));
  await page.route(
    (url) => url.pathname.endsWith('/__data.json') && url.searchParams.get('q') === 'Kuo',
    async (route) => {
      await older;
      await route.continue();
    },
  );
  const search = page.getByLabel('Hae nimellä, kunnalla tai henkilöllä');
  await search.pressSequentially('Kuo', { delay: 30 });
  await page.waitForRequest((request) => new URL(request.url()).searchParams.get('q') === 'Kuo');
  await search.fill('');
  await search.pressSequentially('Iisalmi', { delay: 30 });
  const rows = page.locator('main table tbody tr');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Iisalmi');
  await expect(rows.first()).toContainText('Iisalmi');
  // The held answer arrives now (or its request was cancelled): either way it changes nothing.
  const isHeld = (request: Request) => new URL(request.url()).searchParams.get('q') === 'Kuo';
  const heldAnswer = Promise.race([
    page.waitForEvent('requestfinished', { predicate: isHeld }),
    page.waitForEvent('requestfailed', { predicate: isHeld }),
  ]);
  releaseOlder();
  await heldAnswer;
  await expect(search).toHaveValue('Iisalmi');
  expect(new URL(page.url()).searchParams.get('q')).toBe('Iisalmi');
  for (const row of await rows.all()) await expect(row).toContainText('Iisalmi');
});

test('an overdue next follow-up stands out in the directory, in words as well as colour', async ({
  page,
}) => {
  await page.goto('/associations?openFollowUps=yes');
  const overdue = page.locator('main table tbody td.overdue');
  await expect(overdue.first()).toContainText('myöhässä');
  const [day, month, year] = ((await overdue.first().textContent())?.match(/\d+\.\d+\.\d{4}/)?.[0] ?? '')
    .split('.')
    .map(Number);
  const due = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  expect(due < helsinkiDatePlus(0)).toBe(true);
  await expectNoAxeViolations(page);
});
