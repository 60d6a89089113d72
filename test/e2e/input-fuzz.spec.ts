// Bad input is the client's, never a server error: every form action of the access table (so a
// new action cannot be left out) gets wrong types, control characters and oversized values, and
// must answer below 500; an answer that refuses (4xx) must have written nothing to the table
// (throttle counters, sessions and the failed-login and access-denied audit entries excepted).
// Then the cases of issue 13 that used to be 5xx, and the open redirects.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { localClient } from '../../shared/src/db/local';
import { routePolicies } from '../../web/src/lib/server/access';
import { storageStateOf } from './auth';
import { baseURL, client } from './http';

const DATA_DIR = '.test-output/e2e-data';
const TABLE = process.env.KOHTAAMO_TABLE ?? 'kohtaamo-local';
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const MISSING_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** Actions whose success ends the spec's own session (the matrix in security.spec.ts skips them too). */
const skipped = new Set(['/account logout', '/account logoutEverywhere']);
/** Actions that start background jobs, which keep writing after they answer: fuzzed last. */
const startsJobs = (routeId: string) =>
  routeId.startsWith('/admin/handover') || routeId.startsWith('/admin/import');

// --- The table, as a fingerprint of every item a fuzzed request could write -----------------

/** Items that a refused request may write: counters, sessions, and the audit of refusals. */
function mayChange(item: Record<string, AttributeValue>): boolean {
  const pk = item['pk']?.S ?? '';
  const action = item['action']?.S;
  return (
    pk.startsWith('THROTTLE#') ||
    pk.startsWith('SESSION#') ||
    (pk.includes('#AUDIT#') && (action === 'login.failed' || action === 'access.denied'))
  );
}

/**
 * Every item outside the big demo workspace (the fuzz runs as the admin of "toinen"; accounts,
 * tokens and e-mail lookups are outside every workspace), keyed by pk and sk.
 */
async function snapshot(): Promise<Map<string, string>> {
  const { endpoint } = JSON.parse(readFileSync(`${DATA_DIR}/dynamo-endpoint.json`, 'utf8')) as {
    endpoint: string;
  };
  const db = localClient(endpoint);
  const items = new Map<string, string>();
  let start: Record<string, AttributeValue> | undefined;
  try {
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: TABLE,
          ExclusiveStartKey: start,
          FilterExpression: 'NOT begins_with(pk, :big)',
          ExpressionAttributeValues: { ':big': { S: 'WS#default#' } },
        }),
      );
      for (const item of page.Items ?? []) {
        if (!mayChange(item)) items.set(`${item['pk']?.S} ${item['sk']?.S}`, JSON.stringify(item));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    db.destroy();
  }
  return items;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([key, item]) => before.get(key) !== item).map(([key]) => key);
  const removed = [...before.keys()].filter((key) => !after.has(key)).map((key) => `removed ${key}`);
  return [...changed, ...removed];
}

// --- What to post where -------------------------------------------------------------------------

interface Ids {
  id: string;
  personId: string;
  interactionId: string;
  eventId: string;
  campaignId: string;
  jobId: string;
  importId: string;
  feedbackToken: string;
}

const firstId = async (api: APIRequestContext, page: string, prefix: string) =>
  new RegExp(`${prefix}/(${ULID})`).exec(await (await api.get(page)).text())?.[1] ?? MISSING_ID;

/** Real ids of the workspace the account works in, so actions reach their validation. */
async function sampleIds(api: APIRequestContext): Promise<Ids> {
  const directory = await (await api.get('/associations?size=25')).text();
  let found: Pick<Ids, 'id' | 'personId' | 'interactionId'> | undefined;
  for (const [, id] of directory.matchAll(new RegExp(`/associations/(${ULID})`, 'g'))) {
    const page = await (await api.get(`/associations/${id}`)).text();
    const personId = new RegExp(`/people/(${ULID})`).exec(page)?.[1];
    const interactionId = new RegExp(`/interactions/(${ULID})`).exec(page)?.[1];
    if (id && personId && interactionId) {
      found = { id, personId, interactionId };
      break;
    }
  }
  if (!found) throw new Error('No association with people and contacts in the workspace');
  const eventId = await firstId(api, '/events', '/events');
  const eventPage = await (await api.get(`/events/${eventId}`)).text();
  return {
    ...found,
    eventId,
    campaignId: await firstId(api, '/campaigns', '/campaigns'),
    jobId: await firstId(api, '/admin/handover', '/admin/handover'),
    importId: await firstId(api, '/admin/import', '/admin/import'),
    feedbackToken: /\/feedback\/([A-Za-z0-9_-]{20,})/.exec(eventPage)?.[1] ?? 'A'.repeat(43),
  };
}

function concrete(routeId: string, ids: Ids): string {
  const first = routeId.split('/')[1];
  const idOf: Record<string, string> = {
    people: ids.personId,
    events: ids.eventId,
    campaigns: ids.campaignId,
    admin: ids.importId,
  };
  return routeId
    .replace('[id=id]', idOf[first ?? ''] ?? ids.id)
    .replace('[associationId=id]', ids.id)
    .replace('[interactionId=id]', ids.interactionId)
    .replace('[jobId=id]', ids.jobId)
    .replace('[token]', routeId.startsWith('/feedback') ? ids.feedbackToken : 'A'.repeat(43));
}

/** The field names of the forms on `html` that post to `action` (`?/name`, '' for default, or a path). */
function fieldsOf(html: string, action: string): string[] {
  const names = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attributes)) continue;
    const target = /\baction="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (target.replace(/&amp;/g, '&') !== action) continue;
    for (const [, name] of body.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)) {
      if (name) names.add(name);
    }
  }
  return [...names];
}

const GUESSED_FIELDS = ['id', 'version', 'name', 'note', 'date', 'email', 'role'];

const CONTROL = '\u0000\u0001\u001b\u202eohje\u0000';
const HUGE = 'x'.repeat(200 * 1024);

type Send = (api: APIRequestContext, target: string, fields: string[]) => Promise<APIResponse>;

const urlencoded = (pairs: [string, string][]) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  data: new URLSearchParams(pairs).toString(),
  maxRedirects: 0,
});

const payloads: Record<string, Send> = {
  'wrong types (repeated, numeric)': (api, target, fields) =>
    api.post(
      target,
      urlencoded(
        fields.flatMap((f): [string, string][] => [
          [f, '-1e309'],
          [f, '{"$ne":1}'],
        ]),
      ),
    ),
  'files in text fields': (api, target, fields) => {
    const form = new FormData();
    for (const f of fields) form.append(f, new Blob(['\u0000x']), 'x.bin');
    return api.post(target, { multipart: form, maxRedirects: 0 });
  },
  'control characters': (api, target, fields) =>
    api.post(target, urlencoded(fields.map((f): [string, string] => [f, CONTROL]))),
  'oversized values': (api, target, fields) =>
    api.post(target, urlencoded(fields.map((f): [string, string] => [f, HUGE]))),
};

test('every form action refuses wrong types, control characters and oversized values without a 5xx, writing nothing', async () => {
  test.setTimeout(120_000);
  const started = Date.now();
  const api = await client('otherAdmin');
  const ids = await sampleIds(api);
  const targets: { routeId: string; action: string; target: string; fields: string[] }[] = [];
  const routes = Object.entries(routePolicies)
    .filter(([, policy]) => policy.actions)
    .sort(([a], [b]) => Number(startsJobs(a)) - Number(startsJobs(b)));
  // Every page is read before the first snapshot: reads may heal stale summaries.
  const importPage = await (await api.get('/admin/import')).text();
  for (const [routeId, policy] of routes) {
    const path = concrete(routeId, ids);
    const page = policy.endpoint
      ? routeId === '/uploads'
        ? importPage
        : ''
      : await (await api.get(path)).text();
    for (const action of Object.keys(policy.actions ?? {})) {
      if (skipped.has(`${routeId} ${action}`)) continue;
      const formAction = policy.endpoint ? path : action === 'default' ? '' : `?/${action}`;
      const found = routeId === '/language' ? ['locale', 'redirectTo'] : fieldsOf(page, formAction);
      targets.push({
        routeId,
        action,
        target: policy.endpoint ? path : `${path}${action === 'default' ? '' : `?/${action}`}`,
        fields: found.length > 0 ? found : GUESSED_FIELDS,
      });
    }
  }
  // The enumeration really found the forms: most actions post fields read from their page.
  expect(targets.filter((t) => t.fields !== GUESSED_FIELDS).length).toBeGreaterThan(targets.length / 2);

  const failures: string[] = [];
  const accepted: string[] = [];
  let scanning = 0;
  const timedSnapshot = async () => {
    const start = Date.now();
    const items = await snapshot();
    scanning += Date.now() - start;
    return items;
  };
  let before = await timedSnapshot();
  for (const [routeId] of routes) {
    let refusedAll = true;
    for (const { action, target, fields } of targets.filter((t) => t.routeId === routeId)) {
      for (const [kind, send] of Object.entries(payloads)) {
        const status = (await send(api, target, fields)).status();
        if (status >= 500) failures.push(`${routeId} ${action}, ${kind}: ${status}`);
        if (status < 400) {
          refusedAll = false;
          accepted.push(`${routeId} ${action}, ${kind}: ${status}`);
        }
      }
    }
    let after = await timedSnapshot();
    // A request that answered success may have written; a refusal must not have.
    if (refusedAll) {
      const written = changes(before, after);
      if (written.length > 0) failures.push(`${routeId} refused but wrote ${written.slice(0, 5).join(', ')}`);
    }
    // Background work an accepted request started (a handover package) settles before the next.
    for (let tries = 0; !refusedAll && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const settled = await timedSnapshot();
      if (changes(after, settled).length === 0) break;
      after = settled;
    }
    before = after;
  }
  console.log(
    `fuzzed ${targets.length} actions in ${Date.now() - started} ms (${scanning} ms reading the table); accepted: ${accepted.join('; ')}`,
  );
  expect(failures).toEqual([]);
  // The session survived the fuzz: the last requests were not refused for want of a login.
  expect((await api.get('/tasks', { maxRedirects: 0 })).status()).toBe(200);
});

// --- The 5xx of issue 13, item 8 ----------------------------------------------------------------

const MESSAGE = /Raportin jaksoa ei voi näyttää|The report period cannot be shown/;

test('a report period that is not a date is a 400 with a message on the page, downloads and rows', async () => {
  const api = await client('admin');
  for (const path of [
    '/reports?to=abc',
    '/reports?from=abc',
    '/reports?from=2026-05-01&to=2026-04-01',
    '/reports/export.csv?to=abc',
    '/reports/export.xlsx?to=abc',
    '/reports/rows?figure=contacted&to=abc',
  ]) {
    const answer = await api.get(path);
    expect(answer.status(), path).toBe(400);
    expect(await answer.text(), path).toMatch(MESSAGE);
  }
});

test('the report page shown again after a bad period offers the period form', async ({ page }) => {
  await page.goto('/reports?to=abc');
  await expect(page.getByRole('alert')).toHaveText(MESSAGE);
  await page.getByLabel('Alkaen').fill('2025-01-01');
  await page.getByLabel('Päättyen').fill('2025-12-31');
  await page.getByRole('button', { name: 'Näytä' }).click();
  await expect(page).toHaveURL(/\/reports\?from=2025-01-01&to=2025-12-31/);
  await expect(page.getByText('Jakso 1.1.2025 – 31.12.2025')).toBeVisible();
});

test('an unknown role in the users form is a field error, on invite and on update', async () => {
  const api = await client('otherAdmin');
  const page = await (await api.get('/admin/users')).text();
  const userId = /name="userId" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const version = /name="version" value="([^"]+)"/.exec(page)?.[1] ?? '1';
  const invite = await api.post('/admin/users?/invite', {
    form: { email: `role-${Date.now()}@example.invalid`, role: 'superuser' },
    maxRedirects: 0,
  });
  const update = await api.post('/admin/users?/update', {
    form: { userId, role: 'superuser', active: 'yes', version },
    maxRedirects: 0,
  });
  for (const answer of [invite, update]) {
    expect(answer.status()).toBe(400);
    expect(await answer.text()).toContain('Valitse rooli.');
  }
});

test('a broken multipart body is a 400 with a message, on a form action and on /uploads', async () => {
  const api = await client('admin');
  for (const path of ['/settings?/save', '/uploads', '/login']) {
    const answer = await api.post(path, {
      headers: { 'content-type': 'multipart/form-data; boundary=kohtaamo' },
      data: '--kohtaamo\r\nthis is not a part header\r\n\r\nx\r\n',
      maxRedirects: 0,
    });
    expect(answer.status(), path).toBe(400);
    expect(await answer.text(), path).toMatch(/Lomaketta ei voitu lukea|The form could not be read/);
  }
});

test('an upload the client aborts is logged as a 4xx, not a 500', async () => {
  const cookie = (
    JSON.parse(readFileSync(storageStateOf('admin'), 'utf8')) as {
      cookies: { name: string; value: string }[];
    }
  ).cookies
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const { host, port } = new URL(baseURL);
  const marker = `aborted-${Date.now()}`;
  await new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), host.replace(/:.*/, ''), () => {
      socket.write(
        `POST /uploads HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${baseURL}\r\nCookie: ${cookie}\r\n` +
          `Content-Type: multipart/form-data; boundary=kohtaamo\r\nContent-Length: 100000\r\n\r\n` +
          `--kohtaamo\r\nContent-Disposition: form-data; name="key"\r\n\r\n${marker}\r\n` +
          `--kohtaamo\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`,
      );
      setTimeout(() => socket.destroy(), 500);
    });
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
  await expect
    .poll(() =>
      readFileSync('.test-output/server.log', 'utf8')
        .split('\n')
        .filter((line) => line.includes('"route":"/uploads"') && line.includes('"aborted":true'))
        .map((line) => (JSON.parse(line) as { status: number }).status),
    )
    .toContainEqual(expect.any(Number));
  const statuses = readFileSync('.test-output/server.log', 'utf8')
    .split('\n')
    .filter((line) => line.includes('"route":"/uploads"') && line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { status?: number }).status ?? 0);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
});

test('next=/%09/x while signed in is a safe redirect to the front page', async () => {
  const api = await client('admin');
  for (const next of ['/%09/evil.example', '/%5Cevil.example', '//evil.example', '/%0d%0aSet-Cookie:x=1']) {
    const login = await api.get(`/login?next=${encodeURIComponent(decodeURIComponent(next))}`, {
      maxRedirects: 0,
    });
    expect(login.status(), next).toBe(303);
    expect(login.headers()['location'], next).toBe('/');
    const raw = await api.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(raw.status(), next).toBe(303);
    expect(raw.headers()['location'], next).toBe('/');
  }
  const choose = await api.post('/workspaces?/choose', {
    form: { workspaceId: 'default', next: '/\t/evil.example' },
    maxRedirects: 0,
  });
  expect(choose.status()).toBe(303);
  expect(choose.headers()['location']).toBe('/');
});

test('POST /language goes back only to a path on this site', async () => {
  const api = await client();
  for (const redirectTo of [
    '/\\evil.example',
    '//evil.example',
    'https://evil.example/',
    '/\t/evil.example',
  ]) {
    const answer = await api.post('/language', { form: { locale: 'en', redirectTo }, maxRedirects: 0 });
    expect(answer.status(), redirectTo).toBe(303);
    expect(answer.headers()['location'], redirectTo).toBe('/');
  }
  const home = await api.post('/language', {
    form: { locale: 'fi', redirectTo: '/login?done=loggedOut' },
    maxRedirects: 0,
  });
  expect(home.headers()['location']).toBe('/login?done=loggedOut');
});

test('a 6 MB form that is refused is not echoed back: the answer stays small', async () => {
  const api = await client('otherAdmin');
  const answer = await api.post('/events/new?/create', {
    ...urlencoded([
      ['name', 'x'.repeat(6_000_000)],
      ['kind', 'not-a-kind'],
    ]),
  });
  expect(answer.status()).toBe(400);
  expect((await answer.body()).length).toBeLessThan(200_000);
});
