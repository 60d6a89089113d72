import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, helsinkiDatePlus, hydrated } from './support';

interface Known {
  association: string;
  event?: string;
  feedback?: string;
  person?: string;
  followUp?: string;
  correction?: string;
}

interface Route {
  name: string;
  path: (ids: Known) => string;
  /** Seen signed out (no navigation then). */
  anonymous?: true;
}

const routes: Route[] = [
  { name: 'home', path: () => '/' },
  { name: 'directory', path: () => '/associations' },
  { name: 'directory, no results', path: () => '/associations?q=zzqqxx' },
  { name: 'directory, filters open', path: () => '/associations?municipality=Kuopio&sort=lastContact' },
  { name: 'association', path: ({ association }) => `/associations/${association}` },
  {
    name: 'association, contact form open',
    path: ({ association, followUp }) => `/associations/${association}?followUp=${followUp ?? ''}#log`,
  },
  { name: 'new association', path: () => '/associations/new?name=Uusi%20kerho' },
  // A partner chosen beforehand: no type or stage fields (no data is written before directory.spec).
  { name: 'new partner', path: () => '/associations/new?kind=neuvosto&name=Uusi%20neuvosto' },
  { name: 'directory, partners', path: () => '/associations?kind=partner' },
  { name: 'association edit', path: ({ association }) => `/associations/${association}/edit` },
  { name: 'contact correction', path: ({ correction }) => correction ?? '/' },
  { name: 'my tasks', path: () => '/tasks' },
  { name: 'team tasks', path: () => '/tasks?view=team' },
  { name: 'pipeline', path: () => '/pipeline' },
  { name: 'pipeline, one stage', path: () => '/pipeline?stage=contacted' },
  { name: 'settings', path: () => '/settings' },
  { name: 'people directory', path: () => '/people' },
  { name: 'people directory, search', path: () => '/people?q=a' },
  { name: 'person', path: ({ person }) => `/people/${person ?? ''}` },
  { name: 'subject access', path: ({ person }) => `/people/${person ?? ''}/access` },
  { name: 'users', path: () => '/admin/users' },
  { name: 'audit log', path: () => '/admin/audit' },
  { name: 'handover package', path: () => '/admin/handover' },
  { name: 'spreadsheet import', path: () => '/admin/import' },
  { name: 'merge a duplicate', path: ({ association }) => `/associations/${association}/merge` },
  { name: 'campaigns', path: () => '/campaigns' },
  {
    name: 'new campaign, preview',
    path: () => '/campaigns/new?preview=1&municipality=Tervo&notOnTarjotin=yes',
  },
  { name: 'events', path: () => '/events' },
  { name: 'event', path: ({ event }) => `/events/${event ?? ''}` },
  { name: 'event attendance', path: ({ event }) => `/events/${event ?? ''}/attendance` },
  { name: 'event feedback by staff', path: ({ event }) => `/events/${event ?? ''}/feedback` },
  { name: 'public feedback form', path: ({ feedback }) => feedback ?? '/', anonymous: true },
  { name: 'report', path: () => '/reports' },
  { name: 'report rows', path: () => '/reports/rows?figure=contacted' },
  {
    name: 'report rows, by kind of organisation',
    // A week of contacts: a year's would be thousands of rows.
    path: () =>
      `/reports/rows?figure=organisationKind&orgKind=association&from=${helsinkiDatePlus(-7)}&to=${helsinkiDatePlus(0)}`,
  },
  { name: 'record of processing', path: () => '/privacy' },
  { name: 'my account', path: () => '/account' },
  { name: 'not found', path: () => '/associations/01ARZ3NDEKTSV4RRFFQ69G5FAV' },
  { name: 'login', path: () => '/login', anonymous: true },
  { name: 'login, wrong password', path: () => '/login', anonymous: true },
];

async function ids(page: Page) {
  await page.goto('/associations?openFollowUps=yes');
  const href =
    (await page.locator('main table tbody tr td:first-child a').first().getAttribute('href')) ?? '';
  const association = href.split('/').pop() ?? '';
  await page.goto(`/associations/${association}`);
  const link = await page
    .locator('section[aria-labelledby="followups-heading"] a')
    .first()
    .getAttribute('href');
  const followUp = link ? (new URL(link, page.url()).searchParams.get('followUp') ?? undefined) : undefined;
  const correctionHref = await page
    .locator('section[aria-labelledby="timeline-heading"] a')
    .first()
    .getAttribute('href');
  const correction = correctionHref ? new URL(correctionHref, page.url()).pathname : undefined;
  const personHref = await page
    .locator('section[aria-labelledby="people-heading"] a')
    .first()
    .getAttribute('href');
  const person = personHref?.split('/').pop();
  await page.goto('/events');
  const eventHref =
    (await page.locator('section[aria-labelledby="event.past-heading"] a').first().getAttribute('href')) ??
    '';
  const event = eventHref.split('/').pop();
  await page.goto(eventHref);
  const feedback = new URL(await page.locator('#feedback-url').inputValue()).pathname;
  return {
    ...(event ? { event } : {}),
    feedback,
    association,
    ...(followUp ? { followUp } : {}),
    ...(correction ? { correction } : {}),
    ...(person ? { person } : {}),
  };
}

let known: Known | undefined;
test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage({ baseURL });
  known = await ids(page);
  await page.close();
});

for (const locale of ['fi', 'en'] as const) {
  test.describe(`in ${locale === 'fi' ? 'Finnish' : 'English'}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'kohtaamo-lang', value: locale, url: baseURL ?? '' }]);
    });

    for (const route of routes) {
      test(`${route.name}: axe at WCAG 2.1 AA, landmarks, and reflow at 320 px`, async ({
        page,
        context,
      }) => {
        const path = route.path(known ?? { association: '' });
        if (route.anonymous) await context.clearCookies({ name: 'kohtaamo-session' });
        await page.goto(path);
        if (route.name === 'login, wrong password') {
          await hydrated(page);
          await page
            .getByLabel(locale === 'fi' ? 'Sähköpostiosoite' : 'E-mail address')
            .fill('nobody@example.invalid');
          await page.getByLabel(locale === 'fi' ? 'Salasana' : 'Password').fill('wrong-password-here');
          await page.getByRole('button', { name: locale === 'fi' ? 'Kirjaudu' : 'Log in' }).click();
          await expect(page.getByRole('alert')).toBeVisible();
        }
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('banner')).toHaveCount(1);
        if (!route.anonymous) await expect(page.getByRole('navigation').first()).toBeVisible();
        expect(await page.title()).toMatch(/· Kohtaamo$/);
        await expectNoAxeViolations(page);
        // Wide content (the board, tables) scrolls in its own box: the page itself never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          page.viewportSize()?.width ?? 0,
        );
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      });
    }

    test('each kind of page has a title of its own', async ({ page, browser, baseURL }) => {
      const pages = [
        'home',
        'directory',
        'association',
        'association edit',
        'new association',
        'contact correction',
        'my tasks',
        'team tasks',
        'pipeline',
        'settings',
        'person',
        'people directory',
        'users',
        'audit log',
        'record of processing',
        'my account',
        'login',
        'not found',
        'campaigns',
        'events',
        'event',
        'report',
        'spreadsheet import',
      ];
      const titles = new Set<string>();
      for (const name of pages) {
        const route = routes.find((r) => r.name === name) as Route;
        if (route.anonymous) {
          const signedOut = await browser.newPage({ baseURL, storageState: { cookies: [], origins: [] } });
          await signedOut.goto(route.path(known ?? { association: '' }));
          titles.add(await signedOut.title());
          await signedOut.close();
          continue;
        }
        await page.goto(route.path(known ?? { association: '' }));
        titles.add(await page.title());
      }
      expect(titles.size).toBe(pages.length);
    });
  });
}

test('keyboard: the tab order starts with the skip link, then the navigation, then the page', async ({
  page,
}) => {
  await page.goto('/tasks');
  const order: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ''),
    );
  }
  expect(order).toEqual([
    'Siirry sisältöön',
    'Kohtaamo',
    'Etusivu',
    'Yhdistykset',
    'Henkilöt',
    'Omat tehtävät',
    'Tarjotinpolku',
    'Kampanjat',
  ]);
});
