// Helpers for browser specs: axe at WCAG 2.1 AA, click counting, keyboard focus search, feedback
// stamps back-dated past the minimum fill time.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { issueStamp, MIN_FILL_MS } from '../../shared/src/event/feedback-stamp';
import { taskGroupOf, taskGroups } from '../../shared/src/follow-up/follow-up';

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Counts the clicks a flow takes, as the issue counts them. */
export function clickCounter() {
  let clicks = 0;
  return {
    click: async (locator: Locator) => {
      clicks++;
      await locator.click();
    },
    count: () => clicks,
  };
}

/** Presses Tab until the element with `id` has focus (keyboard-only navigation). */
export async function tabTo(page: Page, id: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The Finnish way of writing a date `YYYY-MM-DD`: 1.12.2026. */
export function finnishDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

/** Today's date in Helsinki plus `days`, as `YYYY-MM-DD`. */
export function helsinkiDatePlus(days: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Matches a Finnish date as a whole (1.12.2026 must not match inside 31.12.2026). */
export function dateMatcher(finnish: string): RegExp {
  return new RegExp(`(^|[^0-9.])${finnish.replace(/\./g, '\\.')}($|[^0-9])`);
}

/**
 * Waits until the page's document is hydrated: enhanced forms, live search and other client-side
 * behaviour work from then on (what is typed earlier survives: typed-before-ready.spec.ts).
 */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-ready="true"]').waitFor();
}

/**
 * A stamp for the feedback form of link `token`, issued `MIN_FILL_MS` + 3 s ago and signed with the
 * local server's secret: a form "filled" long enough ago, without the test waiting for it.
 */
export function backdatedStamp(token: string): string {
  const secret = readFileSync('.test-output/e2e-data/cursor-secret', 'utf8').trim();
  return issueStamp(secret, token, new Date(Date.now() - MIN_FILL_MS - 3000));
}

/**
 * Opens the group of /tasks that holds a task due on `due` (every group when not given) on its own,
 * paging with "Lisää tehtäviä" until `task` shows: other tests' tasks may come before it.
 */
export async function findTask(
  page: Page,
  task: Locator,
  options: { due?: string; team?: boolean } = {},
): Promise<void> {
  const groups = options.due ? [taskGroupOf(options.due, new Date())] : taskGroups;
  for (const group of groups) {
    await page.goto(`/tasks?${new URLSearchParams({ ...(options.team ? { view: 'team' } : {}), group })}`);
    const more = page.getByRole('link', { name: 'Lisää tehtäviä' });
    while ((await task.count()) === 0 && (await more.count()) > 0) {
      const before = page.url();
      await more.click();
      await page.waitForURL((url) => url.href !== before);
    }
    if ((await task.count()) > 0) return;
  }
}

/**
 * Holds back the page's own code (its JavaScript chunks, not its styles) until the returned function
 * is called: what happens before hydration can then be tested in a certain order.
 */
export async function holdPageCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
