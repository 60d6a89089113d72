// Server-side protection, checked over HTTP against the built app: every route and action for
// every role, workspace isolation, CSRF, session cookies and endings, login throttling, headers.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { newId } from '../../shared/src/ids';
import { feedbackLimits, loginLimits } from '../../shared/src/user/throttle.store';
import { roleAllows, type Role } from '../../shared/src/user/user.schema';
import { routePolicies, type Need } from '../../web/src/lib/server/access';
import { accounts, E2E_PASSWORD, storageStateOf } from './auth';
import { baseURL, client } from './http';
import { backdatedStamp } from './support';

/** Real ids from the seeded workspace, read as the admin. */
async function sampleIds(api: APIRequestContext) {
  const directory = await (await api.get('/associations?size=25')).text();
  const associationIds = [...directory.matchAll(/\/associations\/([0-9A-HJKMNP-TV-Z]{26})/g)].map(
    (m) => m[1] as string,
  );
  for (const associationId of associationIds) {
    const page = await (await api.get(`/associations/${associationId}`)).text();
    const personId = /\/people\/([0-9A-HJKMNP-TV-Z]{26})/.exec(page)?.[1];
    const interactionId = /\/interactions\/([0-9A-HJKMNP-TV-Z]{26})/.exec(page)?.[1];
    if (personId && interactionId) return { id: associationId, personId, interactionId };
  }
  throw new Error('No association with people and contacts in the seed');
}

function concrete(routeId: string, ids: { id: string; personId: string; interactionId: string }): string {
  const token = 'A'.repeat(43);
  const path = routeId
    .replace('/people/[id=id]', `/people/${ids.personId}`)
    .replace('[id=id]', ids.id)
    .replace('[associationId=id]', ids.id)
    .replace('[interactionId=id]', ids.interactionId)
    .replace('[jobId=id]', newId())
    .replace('[followUpId=id]', newId())
    .replace('[token]', token);
  // A parameter left in would not match its route's matcher: a 404 that checks no access rule.
  if (path.includes('[')) throw new Error(`No sample value for a parameter of ${routeId}`);
  return path;
}

const roleOf: Record<'admin' | 'staff' | 'viewer', Role> = {
  admin: 'admin',
  staff: 'staff',
  viewer: 'viewer',
};

function allowed(need: Need, account: 'admin' | 'staff' | 'viewer' | 'anonymous'): boolean {
  if (need === 'public') return true;
  if (account === 'anonymous') return false;
  return need === 'signed-in' || roleAllows(roleOf[account], need);
}

/** Actions whose success would end the test's own session: checked in their own test below. */
const notInMatrix = new Set(['/account logout', '/account logoutEverywhere', '/login default']);

test('role × action matrix: each role reaches what it may and gets 403 (or a login) elsewhere', async () => {
  test.setTimeout(180_000);
  const admin = await client('admin');
  const ids = await sampleIds(admin);
  const failures: string[] = [];
  for (const account of ['admin', 'staff', 'viewer', 'anonymous'] as const) {
    const api = account === 'anonymous' ? await client() : await client(account);
    for (const [routeId, policy] of Object.entries(routePolicies)) {
      const path = concrete(routeId, ids);
      const view = await api.get(path, { maxRedirects: 0 });
      const viewOk = allowed(policy.view, account);
      const viewStatus = view.status();
      const sawDenied =
        account === 'anonymous'
          ? viewStatus === 303 && (view.headers()['location'] ?? '').startsWith('/login')
          : viewStatus === 403;
      const wrongView = viewOk === sawDenied && !(viewOk && routeId === '/login' && viewStatus === 303);
      if (wrongView || viewStatus >= 500) {
        failures.push(`${account} GET ${routeId}: ${viewStatus}`);
      }
      for (const [action, rule] of Object.entries(policy.actions ?? {})) {
        if (notInMatrix.has(`${routeId} ${action}`)) continue;
        const target = policy.endpoint ? path : `${path}${action === 'default' ? '' : `?/${action}`}`;
        const form: Record<string, string> =
          routeId === '/workspaces' ? { workspaceId: 'default' } : { probe: 'matrix' };
        const response = await api.post(target, { form, maxRedirects: 0 });
        const status = response.status();
        const denied = status === 403 || status === 401;
        // A form that is all wrong is bad input: a message, never a server error.
        if (allowed(rule.need, account) === denied || status >= 500)
          failures.push(`${account} POST ${routeId} ${action}: ${status}`);
      }
    }
    await api.dispose();
  }
  expect(failures).toEqual([]);
});

test('workspace isolation: ids of another workspace are not found, read or changed', async () => {
  const other = await client('otherAdmin');
  const theirs = await sampleIds(other);
  const admin = await client('admin');
  expect((await admin.get(`/associations/${theirs.id}`)).status()).toBe(404);
  expect((await admin.get(`/people/${theirs.personId}`)).status()).toBe(404);
  expect((await admin.get(`/associations/${theirs.id}/interactions/${theirs.interactionId}`)).status()).toBe(
    404,
  );
  expect((await admin.get(`/people/${theirs.personId}/access.json`)).status()).toBe(404);
  const archive = await admin.post(`/associations/${theirs.id}?/archive`, {
    form: { version: '1' },
    maxRedirects: 0,
  });
  expect(archive.status()).toBe(404);
  // Picking the other workspace by name does not work either.
  expect(
    (await admin.post('/workspaces?/choose', { form: { workspaceId: 'toinen' }, maxRedirects: 0 })).status(),
  ).toBe(403);
  // …and their page still shows the association unarchived.
  expect(await (await other.get(`/associations/${theirs.id}`)).text()).not.toContain('archived-banner');
});

test('CSRF: state changes from another site are rejected, forms and JSON alike', async () => {
  const evil = await client('admin', 'https://evil.example');
  const ids = await sampleIds(await client('admin'));
  expect(
    (
      await evil.post(`/associations/${ids.id}?/archive`, { form: { version: '1' }, maxRedirects: 0 })
    ).status(),
  ).toBe(403);
  expect((await evil.post('/language', { data: { locale: 'en' }, maxRedirects: 0 })).status()).toBe(403);
  expect(
    (
      await evil.post('/login', { form: { email: accounts.admin, password: E2E_PASSWORD }, maxRedirects: 0 })
    ).status(),
  ).toBe(403);
  const noOrigin = await client('admin', null);
  expect(
    (
      await noOrigin.post(`/associations/${ids.id}?/archive`, { form: { version: '1' }, maxRedirects: 0 })
    ).status(),
  ).toBe(403);
});

test('login sets an HttpOnly SameSite=Lax cookie, rotates it, and logout ends the session', async () => {
  const api = await client();
  const login = await api.post('/login', {
    form: { email: accounts.staff, password: E2E_PASSWORD },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(303);
  const cookie = login.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/^kohtaamo-session=[A-Za-z0-9_-]{43};/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Lax');
  expect(cookie).toContain('Path=/');
  const first = (await api.storageState()).cookies.find((c) => c.name === 'kohtaamo-session')?.value;
  await api.post('/login', { form: { email: accounts.staff, password: E2E_PASSWORD }, maxRedirects: 0 });
  const second = (await api.storageState()).cookies.find((c) => c.name === 'kohtaamo-session')?.value;
  expect(second).not.toBe(first);
  // The first token no longer works after the rotation.
  const stale = await request.newContext({
    storageState: { cookies: [], origins: [] },
    baseURL,
    extraHTTPHeaders: { cookie: `kohtaamo-session=${first}`, accept: 'text/html' },
  });
  expect((await stale.get('/tasks', { maxRedirects: 0 })).status()).toBe(303);

  expect((await api.get('/tasks', { maxRedirects: 0 })).status()).toBe(200);
  expect((await api.post('/account?/logout', { form: {}, maxRedirects: 0 })).status()).toBe(303);
  const again = await request.newContext({
    storageState: { cookies: [], origins: [] },
    baseURL,
    extraHTTPHeaders: { cookie: `kohtaamo-session=${second}`, accept: 'text/html' },
  });
  expect((await again.get('/tasks', { maxRedirects: 0 })).status()).toBe(303);
});

test('logout everywhere ends the sessions on other devices too', async () => {
  const phone = await client();
  const laptop = await client();
  for (const device of [phone, laptop]) {
    await device.post('/login', {
      form: { email: accounts.viewer, password: E2E_PASSWORD },
      maxRedirects: 0,
    });
  }
  expect((await laptop.get('/tasks', { maxRedirects: 0 })).status()).toBe(200);
  expect((await phone.post('/account?/logoutEverywhere', { form: {}, maxRedirects: 0 })).status()).toBe(303);
  expect((await laptop.get('/tasks', { maxRedirects: 0 })).status()).toBe(303);
  // The saved session of the viewer (other specs) ended too: log it in again for them.
  const fresh = await client();
  await fresh.post('/login', { form: { email: accounts.viewer, password: E2E_PASSWORD }, maxRedirects: 0 });
  await fresh.storageState({ path: storageStateOf('viewer') });
});

test('20 wrong passwords for one account give 429 with Retry-After', async () => {
  test.setTimeout(120_000);
  // Counters run in fixed 15-minute windows: 21 attempts must not straddle a window boundary
  // (they take about 15 s), so start anew just after it when one is near.
  const window = loginLimits.perAccount.windowSeconds * 1000;
  const untilBoundary = window - (Date.now() % window);
  if (untilBoundary < 60_000) await new Promise((resolve) => setTimeout(resolve, untilBoundary + 1000));
  const api = await client();
  const email = `nobody-${Date.now()}@example.invalid`;
  for (let i = 0; i < 20; i++) {
    const wrong = await api.post('/login', {
      form: { email, password: `wrong-password-${i}` },
      maxRedirects: 0,
    });
    expect(wrong.status()).toBe(400);
  }
  const blocked = await api.post('/login', {
    form: { email, password: 'still-wrong-password' },
    maxRedirects: 0,
  });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
  // Another account still logs in.
  const fine = await api.post('/login', {
    form: { email: accounts.staff, password: E2E_PASSWORD },
    maxRedirects: 0,
  });
  expect(fine.status()).toBe(303);
});

test('120 parallel wrong passwords for one account: at most 20 are checked, the rest get 429 with Retry-After', async () => {
  test.setTimeout(180_000);
  const api = await client();
  const email = `parallel-${Date.now()}@example.invalid`;
  const answers = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      api.post('/login', { form: { email, password: `wrong-parallel-${i}` }, maxRedirects: 0 }),
    ),
  );
  const checked = answers.filter((answer) => answer.status() === 400);
  const refused = answers.filter((answer) => answer.status() === 429);
  expect(checked.length + refused.length).toBe(120);
  expect(checked.length).toBeGreaterThan(0);
  expect(checked.length).toBeLessThanOrEqual(loginLimits.perAccount.limit);
  for (const answer of refused) expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0);
});

test('200 parallel posts to a feedback link store at most the limit; one stamp stores once', async () => {
  test.setTimeout(120_000);
  const admin = await client('admin');
  const newEvent = async (name: string) => {
    const created = await admin.post('/events/new?/create', {
      form: { id: newId(), name, kind: 'pienmarkkinat', date: '2026-11-20', municipality: 'Iisalmi' },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(303);
    const path = created.headers()['location'] ?? '';
    const token = /\/feedback\/([A-Za-z0-9_-]{20,})/.exec(await (await admin.get(path)).text())?.[1] ?? '';
    const stored = async () =>
      Number(/(\d+) palaute(?:tta)?\b/.exec(await (await admin.get(path)).text())?.[1]);
    const stamp = () => backdatedStamp(token);
    return { token, stored, stamp };
  };
  const visitor = await client();
  const post = (token: string, stamp: string, answer = '3') =>
    visitor.post(`/feedback/${token}`, { form: { 'q-useful': answer, stamp, id: newId() }, maxRedirects: 0 });
  const statuses = (answers: { status(): number }[]) => answers.map((answer) => answer.status());

  const flooded = await newEvent('Tulva');
  const fresh = statuses(
    await Promise.all(Array.from({ length: 200 }, () => post(flooded.token, flooded.stamp()))),
  );
  expect(fresh.filter((status) => status === 200)).toHaveLength(feedbackLimits.perAddress.limit);
  expect(fresh.filter((status) => status === 429)).toHaveLength(200 - feedbackLimits.perAddress.limit);
  expect(await flooded.stored()).toBe(feedbackLimits.perAddress.limit);

  const replayed = await newEvent('Uusinta');
  const first = replayed.stamp();
  const refused = await post(replayed.token, first, '7');
  expect(refused.status()).toBe(400);
  const shownAgain = /name="stamp" value="([^"]+)"/.exec(await refused.text())?.[1];
  expect(shownAgain).toBeTruthy();
  expect(shownAgain).not.toBe(first); // the form shown again carries a stamp of its own
  const one = replayed.stamp();
  const same = statuses(await Promise.all(Array.from({ length: 200 }, () => post(replayed.token, one))));
  expect(same.filter((status) => status === 200)).toHaveLength(1);
  expect(same.filter((status) => status >= 500)).toEqual([]);
  expect(await replayed.stored()).toBe(1);
  const reused = await post(replayed.token, one);
  expect([400, 429]).toContain(reused.status());
  expect(await replayed.stored()).toBe(1);
});

test('security headers on pages, static files, errors and the login page', async () => {
  const admin = await client('admin');
  const home = await admin.get('/');
  const page = await home.text();
  const asset = /\/_app\/immutable\/[^"']+\.js/.exec(page)?.[0] ?? '/favicon.png';
  for (const [api, path] of [
    [admin, '/'],
    [admin, '/associations'],
    [admin, '/does-not-exist'],
    [await client(), '/login'],
    [await client(), asset],
  ] as const) {
    const response = await api.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['strict-transport-security'], path).toContain('max-age=');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  const csp = home.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(home.headers()['cache-control']).toBe('no-store');
  const missing = await admin.get('/associations/01ARZ3NDEKTSV4RRFFQ69G5FAV');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toMatch(/at .*\.(js|ts):\d+/);
});
