// The calendar feed from My account: turn it on (the address is shown once), fetch it as a
// calendar service would (no cookies), parse it with an independent parser, make a new address
// and see the old one answer 404; turn it off. Without JavaScript, as every form works.
import ICAL from 'ical.js';
import { expect, request, test } from '@playwright/test';
import { storageStateOf } from './auth';
import { expectNoAxeViolations, hydrated } from './support';

test.use({ storageState: storageStateOf('staff') });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a staff member turns on the calendar address, subscribes, makes a new one and turns it off', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/account');
    const section = page.locator('section[aria-labelledby="calendar-title"]');
    await expect(section.getByRole('heading', { name: 'Kalenteri' })).toBeVisible();
    // Another run (or the access matrix) may have left it on: start from off.
    const off = section.getByRole('button', { name: 'Poista kalenteriosoite käytöstä' });
    if (await off.isVisible()) await off.click();
    await section.getByRole('button', { name: 'Ota kalenteriosoite käyttöön' }).click();
    const first = await page.getByLabel('Kalenteriosoitteesi').inputValue();
    expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    // A calendar service has no session: a fresh request context without cookies.
    const service = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const feed = await service.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers()['cache-control']).toBe('no-store');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toMatch(/^Kohtaamo – /);
    const entries = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    // The seed gives the staff member open follow-ups in the coming weeks, as all-day entries.
    const tasks = entries.filter((entry) => entry.uid.startsWith('followup-'));
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) expect(task.startDate.isDate).toBe(true);

    // A new address: the old one stops at once.
    await section.getByRole('button', { name: 'Luo uusi osoite' }).click();
    const second = await page.getByLabel('Kalenteriosoitteesi').inputValue();
    expect(second).not.toBe(first);
    const stopped = await service.get(first);
    expect(stopped.status()).toBe(404);
    expect(stopped.headers()['cache-control']).toBe('no-store');
    expect((await service.get(second)).status()).toBe(200);

    // In English the section reads in English and passes axe too.
    await page.context().addCookies([{ name: 'kohtaamo-lang', value: 'en', url: baseURL ?? '' }]);
    await page.goto('/account');
    await expect(section.getByRole('heading', { name: 'Calendar' })).toBeVisible();
    await expect(section).toContainText('The calendar address has been on since');
    await section.getByRole('button', { name: 'Turn off the calendar address' }).click();
    await expect(page.getByRole('status')).toHaveText('The calendar address was turned off.');
    await expect(section.getByRole('button', { name: 'Turn on the calendar address' })).toBeVisible();
    expect((await service.get(second)).status()).toBe(404);
    await page.context().clearCookies({ name: 'kohtaamo-lang' });
    await service.dispose();
  });
});

test('the account page with the calendar address shown passes axe in Finnish and English', async ({
  page,
  baseURL,
}) => {
  for (const [locale, turnOn, address] of [
    ['fi', 'Ota kalenteriosoite käyttöön', 'Kalenteriosoitteesi'],
    ['en', 'Turn on the calendar address', 'Your calendar address'],
  ] as const) {
    await page.context().addCookies([{ name: 'kohtaamo-lang', value: locale, url: baseURL ?? '' }]);
    await page.goto('/account');
    await hydrated(page);
    const section = page.locator('section[aria-labelledby="calendar-title"]');
    await expectNoAxeViolations(page);
    const on = section.getByRole('button', { name: turnOn });
    await ((await on.isVisible()) ? on : section.locator('form[action="?/calendarOn"] button')).click();
    await expect(page.getByLabel(address)).toHaveValue(/\.ics$/);
    await expectNoAxeViolations(page);
  }
  await page.context().clearCookies({ name: 'kohtaamo-lang' });
});
