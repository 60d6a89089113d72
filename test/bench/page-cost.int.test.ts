// The cost of every GET page, in `npm test`: the built app served against the demo data at two small
// sizes (each in a table of its own), every page requested as a signed-in admin, and each request's
// round trips and items examined read from its log line. A page whose cost grows with the data
// beyond its declared allowance, or that scans, fails the build on any machine, without timing.
// Every page of the access table is measured or named here with the reason it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { addDays, helsinkiDate } from '../../shared/src/time/helsinki';
import { routePolicies } from '../../web/src/lib/server/access';
import { ownTableDb, testCursorSecret } from '../support/test-db';
import { startWebChild, type RequestCost, type WebChild } from '../support/web-child';
import { now, pick, seed, type Fixture } from './pattern-reads';
import { budgetBreaches, worstCost, type Allowance } from './read-budget';

const SMALL = 0.2;
const LARGE = 0.6;
const SAMPLES = 3;

interface MeasuredPage {
  name: string;
  path: (f: Fixture, i: number) => string;
  /** A page whose reads grow with the data, with the reason (kept to the few that must). */
  allowance?: Allowance;
}

const pages: MeasuredPage[] = [
  { name: 'front page', path: () => '/' },
  { name: 'directory, default view', path: () => '/associations?size=25' },
  { name: 'directory, municipality filter', path: () => '/associations?municipality=Kuopio&size=25' },
  { name: 'directory, stage filter', path: () => '/associations?stage=contacted&size=25' },
  {
    name: 'directory, free text',
    path: () => '/associations?q=kuopion&size=25',
    allowance: {
      itemsExamined: Infinity,
      reason: 'free text reads every association summary until the search index replaces it',
    },
  },
  {
    name: 'directory, frame filter',
    path: () => '/associations?frame=yhdistys&size=25',
    allowance: {
      itemsExamined: Infinity,
      reason: 'a filter other than municipality or stage reads every directory entry (declared at pattern 2)',
    },
  },
  { name: 'association page', path: (f, i) => `/associations/${pick(f.data.associations, i).id}` },
  { name: 'association edit', path: (f, i) => `/associations/${pick(f.data.associations, i).id}/edit` },
  { name: 'new association', path: () => '/associations/new' },
  { name: 'My tasks', path: () => '/tasks' },
  { name: 'team tasks', path: () => '/tasks?view=team' },
  { name: 'one task group', path: () => '/tasks?group=overdue' },
  { name: 'pipeline', path: () => '/pipeline' },
  { name: 'pipeline, one stage', path: () => '/pipeline?stage=contacted' },
  { name: 'people directory', path: () => '/people' },
  { name: 'person page', path: (f, i) => `/people/${pick(f.data.people, i).id}` },
  { name: 'campaigns', path: () => '/campaigns' },
  { name: 'campaign page', path: (f) => `/campaigns/${f.campaignId}` },
  { name: 'events', path: () => '/events' },
  { name: 'event page', path: (f, i) => `/events/${pick(f.data.events, i).id}` },
  {
    name: 'report of a quarter',
    path: () => `/reports?from=${addDays(helsinkiDate(now), -90)}&to=${helsinkiDate(now)}`,
    allowance: {
      roundTrips: Infinity,
      itemsExamined: Infinity,
      reason: 'the report reads the facts of its period until per-month rollups replace them',
    },
  },
  { name: 'record of processing', path: () => '/privacy' },
  { name: 'my account', path: () => '/account' },
  { name: 'workspaces', path: () => '/workspaces' },
  { name: 'settings', path: () => '/settings' },
  { name: 'users', path: () => '/admin/users' },
  { name: 'audit log', path: () => '/admin/audit' },
  { name: 'import', path: () => '/admin/import' },
  { name: 'handover', path: () => '/admin/handover' },
];

/** Pages of the access table this test does not request, and why. */
const notMeasured: Record<string, string> = {
  '/login': 'signed out: reads nothing of the workspace',
  '/setup/[token]': 'a one-time link: reads its token only',
  '/invite/[token]': 'a one-time link: reads its token only',
  '/reset/[token]': 'a one-time link: reads its token only',
};

interface Size {
  fixture: Fixture;
  server: WebChild;
}

let small: Size;
let large: Size;
const measuredRoutes = new Set<string>();

async function size(scale: number): Promise<Size> {
  const db = await ownTableDb();
  const fixture = await seed(db, `cost-${String(scale).replace('.', '')}`, scale);
  const server = await startWebChild({
    endpoint: inject('dynamoEndpoint'),
    table: db.table,
    workspaceId: fixture.workspaceId,
    cursorSecret: testCursorSecret,
  });
  return { fixture, server };
}

async function costOf(at: Size, page: MeasuredPage): Promise<RequestCost> {
  const costs: RequestCost[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const response = await fetch(at.server.url + page.path(at.fixture, i), {
      headers: { cookie: `kohtaamo-session=${at.fixture.sessionToken}` },
      redirect: 'manual',
    });
    await response.arrayBuffer();
    expect(response.status, `${page.name}: ${page.path(at.fixture, i)}`).toBe(200);
    const cost = await at.server.costOf(response.headers.get('x-request-id') ?? '');
    measuredRoutes.add(cost.route);
    costs.push(cost);
  }
  return { ...costs[0]!, ...worstCost(costs.map((c) => ({ ...c, commands: {} }))) };
}

beforeAll(async () => {
  [small, large] = await Promise.all([size(SMALL), size(LARGE)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([small?.server.stop(), large?.server.stop()]);
});

describe(`the cost of every page at ${SMALL}× and ${LARGE}× data`, () => {
  it('holds for every page (round trips and items examined within its allowance, no scan)', async () => {
    const report: string[] = [];
    for (const page of pages) {
      const [a, b] = [await costOf(small, page), await costOf(large, page)];
      const breaches = budgetBreaches({ ...a, commands: {} }, { ...b, commands: {} }, page.allowance);
      if (breaches.length > 0) report.push(`${page.name}: ${breaches.join('; ')}`);
    }
    expect(report).toEqual([]);
  }, 180_000);

  it('measures every page of the access table, or says why not', () => {
    const pageRoutes = Object.entries(routePolicies)
      .filter(([, policy]) => !policy.endpoint)
      .map(([id]) => id);
    const missing = pageRoutes.filter((id) => !measuredRoutes.has(id) && !(id in notMeasured));
    expect(missing).toEqual([]);
  });
});
