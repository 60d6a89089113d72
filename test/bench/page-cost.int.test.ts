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

/** Free text reads every association summary until the search index replaces it (issue "Search"). */
const freeText: Allowance = { itemsExamined: Infinity, reason: 'free text reads every summary' };

/** My tasks counts each group up to 1000 (patterns 5 and 6): a declared, bounded cost. */
const taskCounts: Allowance = { itemsExamined: 4 * 1001, reason: 'each task group is counted up to 1000' };

interface MeasuredPage {
  name: string;
  path: (f: Fixture, i: number) => string;
  /** A page whose reads grow with the data, with the reason (kept to the few that must). */
  allowance?: Allowance;
}

const pages: MeasuredPage[] = [
  { name: 'front page', path: () => '/', allowance: taskCounts },
  { name: 'directory, default view', path: () => '/associations?size=25' },
  { name: 'directory, municipality filter', path: () => '/associations?municipality=Kuopio&size=25' },
  { name: 'directory, stage filter', path: () => '/associations?stage=contacted&size=25' },
  {
    name: 'directory, free text',
    path: () => '/associations?q=kuopion&size=25',
    allowance: freeText,
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
  {
    name: 'association edit',
    path: (f, i) => `/associations/${pick(f.data.associations, i).id}/edit`,
    allowance: { roundTrips: 1, reason: 'an association with a parent reads its name (the records differ)' },
  },
  {
    name: 'merge',
    path: (f, i) => `/associations/${pick(f.data.associations, i).id}/merge`,
    allowance: freeText,
  },
  {
    name: 'task edit',
    path: (f, i) => {
      const task = pick(
        f.data.followUps.filter((t) => t.status === 'open'),
        i,
      );
      return `/associations/${task.associationId}/follow-ups/${task.id}`;
    },
  },
  {
    name: 'contact correction',
    path: (f, i) => {
      const contact = pick(f.data.interactions, i);
      return `/associations/${contact.associationId}/interactions/${contact.id}`;
    },
  },
  { name: 'new association', path: () => '/associations/new' },
  { name: 'My tasks', path: () => '/tasks', allowance: taskCounts },
  { name: 'team tasks', path: () => '/tasks?view=team', allowance: taskCounts },
  { name: 'one task group', path: () => '/tasks?group=overdue', allowance: taskCounts },
  {
    name: 'pipeline',
    path: () => '/pipeline',
    allowance: { itemsExamined: 9 * 101, reason: 'each column is counted up to 100 (pattern 7)' },
  },
  {
    name: 'pipeline, one stage',
    path: () => '/pipeline?stage=contacted',
    allowance: { itemsExamined: 1001, reason: 'a stage shown alone is counted up to 1000 (pattern 7)' },
  },
  { name: 'people directory', path: () => '/people' },
  { name: 'person page', path: (f, i) => `/people/${pick(f.data.people, i).id}` },
  { name: "a person's access report", path: (f, i) => `/people/${pick(f.data.people, i).id}/access` },
  { name: 'campaigns', path: () => '/campaigns' },
  { name: 'campaign page', path: (f) => `/campaigns/${f.campaignId}` },
  {
    name: 'new campaign, preview',
    path: () => '/campaigns/new?preview=1&municipality=Tervo',
    allowance: {
      itemsExamined: Infinity,
      reason: 'the preview reads every directory entry to choose its call list (declared at pattern 2)',
    },
  },
  {
    name: 'a call of a campaign',
    path: (f) => `/campaigns/${f.campaignId}/call/${f.data.associations[0]!.id}`,
  },
  { name: 'events', path: () => '/events' },
  { name: 'event page', path: (f, i) => `/events/${pick(f.data.events, i).id}` },
  { name: 'new event', path: () => '/events/new' },
  { name: 'event edit', path: (f, i) => `/events/${pick(f.data.events, i).id}/edit` },
  { name: 'attendance', path: (f, i) => `/events/${pick(f.data.events, i).id}/attendance` },
  { name: 'event feedback', path: (f, i) => `/events/${pick(f.data.events, i).id}/feedback` },
  { name: 'public feedback form', path: (f, i) => `/feedback/${pick(f.data.events, i).feedbackToken}` },
  {
    name: 'report of a quarter',
    path: () => `/reports?from=${addDays(helsinkiDate(now), -90)}&to=${helsinkiDate(now)}`,
    allowance: {
      roundTrips: Infinity,
      itemsExamined: Infinity,
      reason: 'the report reads the facts of its period until per-month rollups replace them',
    },
  },
  {
    name: 'report rows',
    path: () =>
      `/reports/rows?figure=contacted&from=${addDays(helsinkiDate(now), -90)}&to=${helsinkiDate(now)}`,
    allowance: {
      roundTrips: Infinity,
      itemsExamined: Infinity,
      reason: 'the rows of a figure read the facts of its period (unpaged until the rollups)',
    },
  },
  { name: 'record of processing', path: () => '/privacy' },
  { name: 'my account', path: () => '/account' },
  { name: 'workspaces', path: () => '/workspaces' },
  { name: 'settings', path: () => '/settings' },
  { name: 'users', path: () => '/admin/users' },
  { name: 'audit log', path: () => '/admin/audit' },
  { name: 'import', path: () => '/admin/import' },
  { name: 'an import', path: (f) => `/admin/import/${f.importId}` },
  { name: 'handover', path: () => '/admin/handover' },
  { name: 'a handover package', path: (f) => `/admin/handover/${f.jobId}` },
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
