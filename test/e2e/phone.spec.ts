// On a phone (390×844 and 320×640) the header folds its navigation behind a menu button, so the first
// task of My tasks is in the first screen; without JavaScript the navigation simply stays open. Every
// page a staff member (or an admin, for the admin pages) can open fits the width without sideways
// scrolling, and every control on it is a touch target of at least 44×44 px, measured here.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { routePolicies } from '../../web/src/lib/server/access';
import { storageStateOf, type Account } from './auth';
import { holdPageCode, hydrated } from './support';

const phones = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const;

test.use({ viewport: phones[0] });

test('the menu button opens the navigation, a link in it navigates and folds it again', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Päävalikko' });
  const menu = page.getByRole('button', { name: 'Valikko' });
  await expect(nav).toBeHidden();
  await hydrated(page);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const box = await menu.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  expect(box?.width).toBeGreaterThanOrEqual(44);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Omat tehtävät' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tehtävät');
  await expect(nav).toBeHidden();
  // No sideways scrolling of the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const phone of phones) {
  test(`at ${phone.width}×${phone.height} the first task of My tasks is in the first screen`, async ({
    page,
  }) => {
    await page.setViewportSize(phone);
    await page.goto('/tasks');
    const first = page.locator('ul.tasks li').first();
    await expect(first).toBeVisible();
    const box = await first.boundingBox();
    expect((box?.y ?? Infinity) + Math.min(box?.height ?? Infinity, 44)).toBeLessThanOrEqual(phone.height);
  });
}

test('the menu button works before the page’s own code has loaded', async ({ page }) => {
  const releaseCode = await holdPageCode(page);
  await page.goto('/', { waitUntil: 'commit' });
  const menu = page.getByRole('button', { name: 'Valikko' });
  await menu.click();
  await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('html[data-ready="true"]')).toHaveCount(0);
  releaseCode();
  await hydrated(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the navigation is open and there is no menu button', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Valikko' })).toBeHidden();
  });
});

test('the archive action is at the bottom of the association page, folded under more actions', async ({
  page,
}) => {
  await page.goto('/associations');
  await page.locator('main table tbody tr a').first().click();
  const archive = page.getByRole('link', { name: 'Merkitse lakanneeksi (arkistoi)…' });
  await expect(archive).toBeHidden();
  const more = page.locator('details.more-actions');
  // After the timeline, the last thing on the page.
  expect(
    await more.evaluate((details) => {
      const timeline = document.querySelector('section[aria-labelledby="timeline-heading"]');
      return (
        timeline !== null && !!(timeline.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    }),
  ).toBe(true);
  await more.locator('summary').click();
  await expect(archive).toBeVisible();
});

// ---------------------------------------------------------------------------------------------------
// Every page: no sideways scrolling, touch targets of 44×44 px.

/** Ids found in the seeded data (and made for the pages that need something made first). */
interface Known {
  association: string;
  followUp: string;
  interaction: string;
  person: string;
  event: string;
  feedback: string;
  campaign: string;
  call: string;
  importJob: string;
  handoverJob: string;
}

interface PhoneRoute {
  /** The route id in src/routes (and in the access table). */
  id: string;
  path: (known: Known) => string;
  /** Who opens it: staff unless the page is for admins; the second workspace's admin where
   * something had to be made first; nobody for the public pages. */
  as: Account | 'anonymous';
  /** A state of the page worth its own check. */
  state?: string;
}

const routes: PhoneRoute[] = [
  { id: '/', path: () => '/', as: 'staff' },
  { id: '/associations', path: () => '/associations', as: 'staff' },
  {
    id: '/associations',
    state: 'filters open',
    path: () => '/associations?municipality=Kuopio&sort=lastContact',
    as: 'staff',
  },
  { id: '/associations', state: 'no results', path: () => '/associations?q=zzqqxx', as: 'staff' },
  { id: '/associations/new', path: () => '/associations/new?name=Uusi%20kerho', as: 'staff' },
  { id: '/associations/new', state: 'partner', path: () => '/associations/new?kind=neuvosto', as: 'staff' },
  { id: '/associations/[id=id]', path: (k) => `/associations/${k.association}`, as: 'staff' },
  {
    id: '/associations/[id=id]',
    state: 'logging a follow-up',
    path: (k) => `/associations/${k.association}?followUp=${k.followUp}#log`,
    as: 'staff',
  },
  {
    id: '/associations/[id=id]',
    state: 'archiving asked',
    path: (k) => `/associations/${k.association}?archive=confirm#archive-heading`,
    as: 'staff',
  },
  { id: '/associations/[id=id]/edit', path: (k) => `/associations/${k.association}/edit`, as: 'staff' },
  { id: '/associations/[id=id]/merge', path: (k) => `/associations/${k.association}/merge`, as: 'staff' },
  {
    id: '/associations/[id=id]/follow-ups/[followUpId=id]',
    path: (k) => `/associations/${k.association}/follow-ups/${k.followUp}`,
    as: 'staff',
  },
  {
    id: '/associations/[id=id]/interactions/[interactionId=id]',
    path: (k) => `/associations/${k.association}/interactions/${k.interaction}`,
    as: 'staff',
  },
  { id: '/tasks', path: () => '/tasks', as: 'staff' },
  { id: '/tasks', state: 'team', path: () => '/tasks?view=team', as: 'staff' },
  { id: '/tasks', state: 'one group', path: () => '/tasks?group=overdue', as: 'staff' },
  { id: '/pipeline', path: () => '/pipeline', as: 'staff' },
  { id: '/pipeline', state: 'one stage', path: () => '/pipeline?stage=contacted', as: 'staff' },
  { id: '/people', path: () => '/people?q=a', as: 'staff' },
  { id: '/people/[id=id]', path: (k) => `/people/${k.person}`, as: 'staff' },
  { id: '/people/[id=id]/access', path: (k) => `/people/${k.person}/access`, as: 'admin' },
  { id: '/campaigns', path: () => '/campaigns', as: 'staff' },
  { id: '/campaigns/new', path: () => '/campaigns/new?preview=1&municipality=Tervo', as: 'staff' },
  { id: '/campaigns/[id=id]', path: (k) => `/campaigns/${k.campaign}`, as: 'otherAdmin' },
  {
    id: '/campaigns/[id=id]/call/[associationId=id]',
    path: (k) => `/campaigns/${k.campaign}/call/${k.call}`,
    as: 'otherAdmin',
  },
  { id: '/events', path: () => '/events', as: 'staff' },
  { id: '/events/new', path: () => '/events/new', as: 'staff' },
  { id: '/events/[id=id]', path: (k) => `/events/${k.event}`, as: 'staff' },
  { id: '/events/[id=id]/edit', path: (k) => `/events/${k.event}/edit`, as: 'staff' },
  { id: '/events/[id=id]/attendance', path: (k) => `/events/${k.event}/attendance`, as: 'staff' },
  { id: '/events/[id=id]/feedback', path: (k) => `/events/${k.event}/feedback`, as: 'staff' },
  { id: '/feedback/[token]', path: (k) => k.feedback, as: 'anonymous' },
  { id: '/reports', path: () => '/reports', as: 'staff' },
  { id: '/reports/rows', path: () => '/reports/rows?figure=contacted', as: 'staff' },
  { id: '/privacy', path: () => '/privacy', as: 'staff' },
  { id: '/account', path: () => '/account', as: 'staff' },
  { id: '/workspaces', path: () => '/workspaces', as: 'staff' },
  { id: '/settings', path: () => '/settings', as: 'admin' },
  { id: '/admin/users', path: () => '/admin/users', as: 'admin' },
  { id: '/admin/audit', path: () => '/admin/audit', as: 'admin' },
  { id: '/admin/import', path: () => '/admin/import', as: 'admin' },
  { id: '/admin/import/[id=id]', path: (k) => `/admin/import/${k.importJob}`, as: 'otherAdmin' },
  { id: '/admin/handover', path: () => '/admin/handover', as: 'admin' },
  { id: '/admin/handover/[jobId=id]', path: (k) => `/admin/handover/${k.handoverJob}`, as: 'otherAdmin' },
  { id: '/login', path: () => '/login', as: 'anonymous' },
];

/** Pages that open only from a one-time link sent by e-mail, before anyone is signed in. */
const oneTimeLinkPages = ['/setup/[token]', '/invite/[token]', '/reset/[token]'];

test('the list of pages checked on a phone holds every page of the access table', () => {
  const pages = Object.entries(routePolicies)
    .filter(([, policy]) => !policy.endpoint)
    .map(([id]) => id)
    .filter((id) => !oneTimeLinkPages.includes(id));
  expect([...new Set(routes.map((r) => r.id))].sort()).toEqual(pages.sort());
});

async function seededIds(page: Page) {
  await page.goto('/associations?openFollowUps=yes');
  const association =
    (await page.locator('main table tbody tr a').first().getAttribute('href'))?.split('/').pop() ?? '';
  await page.goto(`/associations/${association}`);
  const logLink = await page
    .locator('section[aria-labelledby="followups-heading"] a')
    .first()
    .getAttribute('href');
  const followUp = new URL(logLink ?? '', page.url()).searchParams.get('followUp') ?? '';
  const interaction =
    (
      await page
        .locator('section[aria-labelledby="timeline-heading"] a[href*="/interactions/"]')
        .first()
        .getAttribute('href')
    )
      ?.split('/')
      .pop() ?? '';
  const person =
    (await page.locator('section[aria-labelledby="people-heading"] a').first().getAttribute('href'))
      ?.split('/')
      .pop() ?? '';
  await page.goto('/events');
  const eventHref =
    (await page.locator('section[aria-labelledby="event.past-heading"] a').first().getAttribute('href')) ??
    '';
  await page.goto(eventHref);
  const feedback = new URL(await page.locator('#feedback-url').inputValue()).pathname;
  return { association, followUp, interaction, person, event: eventHref.split('/').pop() ?? '', feedback };
}

/** A campaign with a call taken, a spreadsheet import and a handover package, in the second workspace. */
async function madeIds(page: Page) {
  const id = () => /\/([0-9A-Z]{26})(?:$|\?)/.exec(page.url())?.[1] ?? '';
  await page.goto('/campaigns/new?preview=1');
  await hydrated(page);
  await page.getByLabel('Kampanjan nimi').fill('Puhelinkierros (phone.spec)');
  await page.getByLabel('Mitä postitettiin (aihe)').fill('Kevään tapahtumat');
  await page.getByRole('button', { name: 'Luo kampanja ja soittolista' }).click();
  await page.waitForURL(/\/campaigns\/[0-9A-Z]{26}/);
  const campaign = id();
  await page.getByRole('button', { name: 'Seuraava puhelu' }).click();
  await page.waitForURL(/\/call\/[0-9A-Z]{26}/);
  const call = id();

  await page.goto('/admin/import');
  await hydrated(page);
  await page.getByLabel(/Tiedosto \(CSV tai XLSX/).setInputFiles({
    name: 'puhelin.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Nimi;Kunta;Puhelin\r\nPuhelinpiiri ry;Kuopio;017 123 4567\r\n', 'utf8'),
  });
  // The import page checks the file by itself once it has loaded (a form it submits): that must end
  // before the next page is opened, or its answer navigates back over it.
  // It lands there twice: after the upload, then after its own check.
  let landings = 0;
  const checked = new Promise<void>((resolve) =>
    page.on('framenavigated', (frame) => {
      if (
        frame === page.mainFrame() &&
        /\/admin\/import\/[0-9A-Z]{26}$/.test(frame.url()) &&
        ++landings === 2
      )
        resolve();
    }),
  );
  await page.getByRole('button', { name: 'Lataa ja tarkista' }).click();
  await page.waitForURL(/\/admin\/import\/[0-9A-Z]{26}$/);
  const importJob = id();
  await checked;
  await page.waitForLoadState();

  await page.goto('/admin/handover');
  await hydrated(page);
  await page.getByRole('button', { name: 'Kokoa luovutuspaketti' }).click();
  await page.waitForURL(/\/admin\/handover\/[0-9A-Z]{26}$/);
  const handoverJob = id();
  return { campaign, call, importJob, handoverJob };
}

async function pageAs(browser: Browser, baseURL: string | undefined, account: Account) {
  const context = await browser.newContext({ baseURL, storageState: storageStateOf(account) });
  return context.newPage();
}

let known: Known | undefined;
test.describe('every page on a phone', () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    // It makes a campaign, a call, an import and a handover package first: more than one test's time.
    test.setTimeout(180_000);
    const staff = await pageAs(browser, baseURL, 'staff');
    const other = await pageAs(browser, baseURL, 'otherAdmin');
    known = { ...(await seededIds(staff)), ...(await madeIds(other)) };
    await staff.context().close();
    await other.context().close();
  });

  // One test a phone, a step a page: a failing page is reported by name without starting the
  // browser and making the ids again for the next one.
  for (const phone of phones) {
    test(`at ${phone.width}×${phone.height}: no sideways scrolling, every control at least 44×44 px`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(routes.length * 15_000);
      for (const route of routes) {
        const name = `${route.id}${route.state ? ` (${route.state})` : ''} as ${route.as}`;
        await test.step(name, async () => {
          const context = await browser.newContext({
            baseURL,
            viewport: phone,
            storageState: route.as === 'anonymous' ? { cookies: [], origins: [] } : storageStateOf(route.as),
          });
          const page = await context.newPage();
          const response = await page.goto(route.path(known as Known));
          expect.soft(response?.status(), `${name}: status`).toBeLessThan(400);
          await hydrated(page);
          expect.soft(await sidewaysOverflow(page), `${name}: sideways scrolling`).toEqual([]);
          // Everything a finger can reach: the navigation behind the menu button, folded parts opened.
          const menu = page.getByRole('button', { name: 'Valikko' });
          if (await menu.isVisible()) await menu.click();
          await page.evaluate(() => {
            for (const details of document.querySelectorAll('details')) details.open = true;
          });
          expect.soft(await sidewaysOverflow(page), `${name}: sideways scrolling, all open`).toEqual([]);
          expect.soft(await smallTargets(page), `${name}: touch targets under 44×44 px`).toEqual([]);
          await context.close();
        });
      }
    });
  }
});

/** The page scrolls sideways: what sticks out (empty when it does not). */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const rect = el.getBoundingClientRect();
      return rect.right > window.innerWidth + 0.5 && el.checkVisibility();
    });
    return [
      `page is ${document.documentElement.scrollWidth} px wide`,
      ...wide
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${el.outerHTML.slice(0, 120)}`,
        ),
    ];
  });
}

/**
 * The visible interactive elements smaller than 44×44 px. Exempt, as WCAG 2.5.5 exempts them:
 * - a link inline in running text: its nearest block (an element not laid out inline) is a
 *   paragraph, `<p>`, that has text of its own outside its links and controls;
 * - the skip link (off the page until focused) and anything else placed off the page to the left.
 * A radio button or checkbox counts by its largest clickable area: itself or a label of it.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
    const interactive = 'a[href], button, input, select, textarea, summary, [role="button"], label';
    const blockOf = (el: Element): Element | null => {
      let node = el.parentElement;
      while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
      return node;
    };
    const ownText = (block: Element): string => {
      let text = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest(interactive)) text += node.textContent ?? '';
      }
      return text;
    };
    const inRunningText = (el: Element): boolean => {
      if (el.tagName !== 'A') return false;
      const block = blockOf(el);
      return block?.tagName === 'P' && /[\p{L}\p{N}]/u.test(ownText(block));
    };
    const targetsOf = (el: Element): Element[] => {
      if (!(el instanceof HTMLInputElement) || !['radio', 'checkbox'].includes(el.type)) return [el];
      return [el, ...(el.labels ?? [])];
    };
    const small: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.right <= 0 || el.classList.contains('skip-link')) continue;
      if (inRunningText(el)) continue;
      const sizes = targetsOf(el).map((target) => target.getBoundingClientRect());
      if (sizes.some((size) => size.width >= 43.99 && size.height >= 43.99)) continue;
      const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 40);
      const where = el.closest('[id]')?.id ?? '';
      small.push(
        `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} "${name}" in #${where}: ${Math.round(rect.width)}×${Math.round(rect.height)}`,
      );
    }
    return small;
  });
}
