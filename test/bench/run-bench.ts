// `npm run bench`: seeds 1× and 10× demo data into an in-memory dynalite (a table each), then
// measures every read pattern of table.ts on both and fails when a p95 ratio 10×/1× reaches its
// budget, or a pattern's round trips or items examined grow beyond its allowance (a scan).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureTable, localClient, startLocalDynamo } from '../../shared/src/db/local';
import { createDb, type Db } from '../../shared/src/db/client';
import { accessPatterns } from '../../shared/src/db/table';
import { initialiseBundle } from '../../infra/lambda/bundle-init';
import { bundleSize } from '../../infra/lambda/bundle-size';
import { bundleDir, lambdaBundles } from '../../infra/lambda/bundles';
import { helsinkiDate } from '../../shared/src/time/helsinki';
import { compare, formatTable, overBudget, stats, type CostColumns, type Row } from './harness';
import { meterReads, type ReadCost } from '../../shared/src/db/read-cost';
import { budgetBreaches, worstCost } from './read-budget';
import { startWebChild, type WebChild } from '../support/web-child';
import { now, PAGE, patternAllowances, pick, reads, seed, type Fixture, type Read } from './pattern-reads';
import { benchmarkContactBurst } from './contact-burst';
import { addDays } from '../../shared/src/time/helsinki';

const BUDGET = 1.5;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PAGE_ITERATIONS = Number(process.env.BENCH_PAGE_ITERATIONS ?? 100);
const CURSOR_SECRET = 'bench-cursor-secret-0123456789abcdef';
const repoRoot = resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  const missing = accessPatterns.filter((p) => !reads[p.id]).map((p) => p.id);
  if (missing.length > 0) throw new Error(`No benchmark for access pattern(s) ${missing.join(', ')}`);

  const engine = await startLocalDynamo();
  // Each size in a table of its own: a read of the whole table (a Scan filtered by workspace) costs
  // more at 10× instead of the same at both.
  const client = localClient(engine.endpoint);
  const benchDb = async (table: string) => {
    await ensureTable(client, table);
    return createDb({ table, region: 'local', endpoint: engine.endpoint, cursorSecret: CURSOR_SECRET });
  };
  const [db, dbLarge] = [await benchDb('kohtaamo-bench-1x'), await benchDb('kohtaamo-bench-10x')];
  client.destroy();
  try {
    // `--only=login-flood`, `--only=contact-burst` or `--only=pages` (or BENCH_ONLY=…) runs just that.
    if (only === 'login-flood') {
      const fixture = await seed(db, 'bench-1x', 1);
      process.exitCode =
        (await benchmarkLoginFlood(engine.endpoint, fixture)).ratio < LOGIN_FLOOD_BUDGET ? 0 : 1;
      return;
    }
    const burstOk =
      only === 'pages' ||
      (await benchmarkContactBurst(db, (workspaceId) =>
        startWebServer(engine.endpoint, { workspaceId, table: db.table }),
      ));
    if (only === 'contact-burst') {
      process.exitCode = burstOk ? 0 : 1;
      return;
    }
    const small = await seed(db, 'bench-1x', 1);
    const large = await seed(dbLarge, 'bench-10x', 10);
    if (only === 'pages') {
      const pageRows = await benchmarkPages(engine.endpoint, small, large);
      process.exitCode = pageRows.every((r) => r.ratio < r.budget) ? 0 : 1;
      return;
    }
    const rows: Row[] = [];
    for (const pattern of accessPatterns) {
      const read = reads[pattern.id] as Read;
      // A breach is measured again (up to 3 times) so one GC pause does not fail the run.
      let row: Row | undefined;
      for (let attempt = 0; attempt < 3 && (!row || row.ratio >= BUDGET); attempt++) {
        const result = await compare(
          (i) => read(db, small, i),
          (i) => read(dbLarge, large, i),
          ITERATIONS,
        );
        const ratio = result.large.p95 / result.small.p95;
        if (!row || ratio < row.ratio)
          row = { id: pattern.id, name: pattern.name, ...result, ratio, budget: BUDGET };
      }
      rows.push({
        ...(row as Row),
        cost: await patternCost([db, small], [dbLarge, large], read, pattern.id),
      });
    }
    console.log(`\nRead patterns, ${ITERATIONS} reads each (pages of ${PAGE}):\n`);
    console.log(formatTable(rows, ['1×', '10×']));
    const pageRows = await benchmarkPages(engine.endpoint, small, large);
    pageRows.push(await benchmarkLoginFlood(engine.endpoint, small));
    const over = [...rows, ...pageRows].filter(overBudget);
    for (const row of over.filter((r) => r.cost?.breaches.length))
      console.log(`${row.id}: ${row.cost?.breaches.join('; ')}`);
    console.log(
      over.length === 0
        ? `\nAll ${rows.length} patterns within budget.`
        : `\nOver budget: ${over.map((r) => r.id).join(', ')}`,
    );
    const exportOver = await benchmarkHandover(engine.endpoint, small, large);
    const overBudgetBundles = reportLambdaBundles();
    process.exitCode = over.length === 0 && overBudgetBundles === 0 && !exportOver && burstOk ? 0 : 1;
  } finally {
    await engine.close();
  }
}

interface ExportRun {
  ms: number;
  bytes: number;
  growth: number;
}

/** Runs the export in a child process (async: dynalite answers from this process meanwhile). */
function exportInChild(endpoint: string, { table, workspaceId }: Fixture): Promise<ExportRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/bench/export-memory.ts', endpoint, table, workspaceId],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolveRun(JSON.parse(output) as ExportRun)
        : reject(new Error(`handover export failed (${code})`)),
    );
  });
}

/** Handover export of the 1× and 10× workspaces, each in a fresh process: time and memory growth. */
async function benchmarkHandover(endpoint: string, small: Fixture, large: Fixture): Promise<boolean> {
  const MEMORY_BUDGET = 1.5;
  const one = await exportInChild(endpoint, small);
  const ten = await exportInChild(endpoint, large);
  const ratio = ten.growth / one.growth;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log('\nHandover package (fresh process each):\n');
  for (const [label, run] of [
    ['1×', one],
    ['10×', ten],
  ] as const) {
    console.log(
      `  ${label.padEnd(4)} ${(run.ms / 1000).toFixed(1).padStart(6)} s   package ${mb(run.bytes).padStart(8)}   peak memory growth ${mb(run.growth).padStart(8)}`,
    );
  }
  console.log(
    `  memory growth 10×/1×: ${ratio.toFixed(2)}× (${ratio < MEMORY_BUDGET ? 'ok' : 'OVER'} < ${MEMORY_BUDGET}×)`,
  );
  return ratio >= MEMORY_BUDGET;
}

/** Zipped size and module initialisation (fresh Node process, median of 10) of each Lambda bundle. */
function reportLambdaBundles(): number {
  const RUNS = 10;
  console.log(`\nLambda bundles (zipped size; module initialisation, median of ${RUNS} fresh processes):\n`);
  let over = 0;
  for (const bundle of lambdaBundles) {
    const size = bundleSize(bundleDir(bundle.name));
    const times = Array.from({ length: RUNS }, () => initialiseBundle(bundle.name)).sort((a, b) => a - b);
    const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
    const share = size.zippedBytes / bundle.budgetBytes;
    if (share >= 1) over++;
    console.log(
      `  ${bundle.name.padEnd(18)} ${(size.zippedBytes / 1024).toFixed(0).padStart(6)} KiB zipped ` +
        `(${(share * 100).toFixed(0)}% of ${bundle.budgetBytes / 1024 / 1024} MiB budget)   ` +
        `init ${median.toFixed(0).padStart(4)} ms`,
    );
  }
  return over;
}

/** A pattern's round trips and items examined at both sizes (the worst of a few records each). */
async function patternCost(
  [smallDb, small]: [Db, Fixture],
  [largeDb, large]: [Db, Fixture],
  read: Read,
  id: string,
): Promise<CostColumns> {
  const measure = async (db: Db, fixture: Fixture) => {
    const meter = meterReads(db);
    try {
      const costs: ReadCost[] = [];
      for (let i = 0; i < 4; i++) costs.push((await meter.measure(() => read(db, fixture, i))).cost);
      return worstCost(costs);
    } finally {
      meter.stop();
    }
  };
  const [a, b] = [await measure(smallDb, small), await measure(largeDb, large)];
  return { small: a, large: b, breaches: budgetBreaches(a, b, patternAllowances[id]) };
}

/** Server response times of whole pages, from a web server per data size (SSR on the built app). */
async function benchmarkPages(endpoint: string, small: Fixture, large: Fixture): Promise<Row[]> {
  const servers = await Promise.all([small, large].map((fixture) => startWebServer(endpoint, fixture)));
  try {
    const [smallUrl, largeUrl] = servers.map((server) => server.url) as [string, string];
    const pages: { id: string; name: string; path: (f: Fixture, i: number) => string; budget: number }[] = [
      { id: 'P1', name: 'directory, default view', path: () => '/associations?size=25', budget: BUDGET },
      {
        id: 'P2',
        name: 'directory, municipality filter',
        path: () => '/associations?municipality=Kuopio&size=25',
        budget: BUDGET,
      },
      {
        id: 'P3',
        name: 'association page',
        path: (f, i) => `/associations/${pick(f.data.associations, i).id}`,
        budget: BUDGET,
      },
      // The measured user has 100+ overdue open follow-ups at both sizes (overdueBacklog), more at 10×.
      { id: 'P4', name: 'My tasks (100+ overdue)', path: () => '/tasks', budget: BUDGET },
      // Free text reads every association summary: measured and printed, not held to the budget.
      {
        id: 'P5',
        name: 'free-text search (reads summaries)',
        path: () => '/associations?q=kuopion&size=25',
        budget: Infinity,
      },
      {
        id: 'P6',
        name: 'campaign page (call list of 60)',
        path: (f) => `/campaigns/${f.campaignId}`,
        budget: BUDGET,
      },
      {
        id: 'P7',
        name: 'event page',
        path: (f, i) => `/events/${pick(f.data.events, i).id}`,
        budget: BUDGET,
      },
      // A report reads the facts of its period, so it grows with the activity it reports on:
      // measured and printed (10× the activity takes about 10× as long), not held to the budget.
      {
        id: 'P8',
        name: 'report of a quarter (reads the period)',
        path: () => `/reports?from=${addDays(helsinkiDate(now), -90)}&to=${helsinkiDate(now)}`,
        budget: Infinity,
      },
      { id: 'P9', name: 'new association form', path: () => '/associations/new', budget: BUDGET },
      { id: 'P10', name: 'people directory', path: () => '/people', budget: BUDGET },
      {
        id: 'P11',
        name: 'person page (roles and contacts where met)',
        path: (f, i) => `/people/${pick(f.data.people, i).id}`,
        budget: BUDGET,
      },
      {
        id: 'P12',
        name: 'My tasks, the overdue group alone (page of 100)',
        path: () => '/tasks?group=overdue',
        budget: BUDGET,
      },
      // The board counts each column up to 100 (pattern 7 in table.ts): held to the budget.
      { id: 'P13', name: 'pipeline board', path: () => '/pipeline', budget: BUDGET },
      // A stage alone counts its column up to 1000, declared at pattern 7 in table.ts: its cost grows
      // with the column (~85 at 1×, ~835 at 10×), so it is measured and printed, not held to the budget.
      {
        id: 'P14',
        name: 'pipeline, one stage (counts its column up to 1000)',
        path: (_f, i) => `/pipeline?stage=${pick(['not_contacted', 'contacted', 'interested'], i)}`,
        budget: Infinity,
      },
    ];
    const rows: Row[] = [];
    for (const page of pages) {
      const get = async (base: string, fixture: Fixture, i: number) => {
        const response = await fetch(base + page.path(fixture, i), {
          headers: { cookie: `kohtaamo-session=${fixture.sessionToken}` },
        });
        if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
        await response.arrayBuffer();
      };
      let row: Row | undefined;
      for (let attempt = 0; attempt < 3 && (!row || row.ratio >= page.budget); attempt++) {
        const result = await compare(
          (i) => get(smallUrl, small, i),
          (i) => get(largeUrl, large, i),
          PAGE_ITERATIONS,
        );
        const ratio = result.large.p95 / result.small.p95;
        if (!row || ratio < row.ratio)
          row = { id: page.id, name: page.name, ...result, ratio, budget: page.budget };
      }
      // Printed beside the timings; the page-cost test in npm test holds pages to their allowances.
      const cost = async (server: WebChild, fixture: Fixture) => {
        const costs = [];
        for (let i = 0; i < 3; i++) {
          const response = await fetch(server.url + page.path(fixture, i), {
            headers: { cookie: `kohtaamo-session=${fixture.sessionToken}` },
          });
          await response.arrayBuffer();
          costs.push({ ...(await server.costOf(response.headers.get('x-request-id') ?? '')), commands: {} });
        }
        return worstCost(costs);
      };
      const [a, b] = [await cost(servers[0]!, small), await cost(servers[1]!, large)];
      rows.push({ ...(row as Row), cost: { small: a, large: b, breaches: [] } });
    }
    console.log(`\nPages (server response, ${PAGE_ITERATIONS} requests each):\n`);
    console.log(formatTable(rows, ['1×', '10×']));
    return rows;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** `npm run bench -- --only=login-flood` runs only that scenario (on the 1× data). */
const only =
  process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? process.env.BENCH_ONLY;
const LOGIN_FLOOD_BUDGET = 5;

/**
 * The association page while 100 failed logins run (20 clients × 5, each within the limits: a
 * different e-mail every time, 100 per address): its p95 must stay under 5× its idle p95, as
 * password hashing is bounded (shared/src/user/password.ts) and leaves the server room to answer.
 */
async function benchmarkLoginFlood(endpoint: string, fixture: Fixture): Promise<Row> {
  const server = await startWebServer(endpoint, fixture);
  try {
    const page = async (i: number) => {
      const start = performance.now();
      const response = await fetch(`${server.url}/associations/${pick(fixture.data.associations, i).id}`, {
        headers: { cookie: `kohtaamo-session=${fixture.sessionToken}` },
      });
      if (response.status !== 200) throw new Error(`association page: HTTP ${response.status}`);
      await response.arrayBuffer();
      return performance.now() - start;
    };
    for (let i = 0; i < 20; i++) await page(i);
    // Idle is measured before and after the logins, so a change in the machine's other load
    // during the run weighs on both sides alike.
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await page(i));
    const answers: number[] = [];
    let running = true;
    // 20 clients at once, 5 failed logins each; a client told 429 waits as Retry-After says
    // (bounded: at most 50 tries each).
    const flood = Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        for (let i = 0, tries = 0; i < 5 && tries < 50; tries++) {
          const response = await fetch(`${server.url}/login`, {
            method: 'POST',
            headers: {
              origin: server.url,
              accept: 'text/html',
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: new URLSearchParams({
              email: `flood-${client}-${i}@example.invalid`,
              password: `wrong-${i}`,
            }),
            redirect: 'manual',
          });
          answers.push(response.status);
          await response.arrayBuffer();
          if (response.status === 429) {
            const seconds = Number(response.headers.get('retry-after') ?? 1);
            await new Promise((resolve) => setTimeout(resolve, Math.min(10, seconds) * 1000));
          } else i++;
        }
      }),
    ).finally(() => (running = false));
    const loaded: number[] = [];
    // Bounded: at most 2,000 page views, however long the logins take.
    for (let i = 0; running && i < 2000; i++) loaded.push(await page(i));
    await flood;
    for (let i = 0; i < 100; i++) idle.push(await page(i));
    const failed = answers.filter((status) => status === 400).length;
    const other = answers.filter((status) => status !== 400 && status !== 429);
    if (other.length > 0) console.log(`Login answers other than 400 and 429: ${other.join(', ')}`);
    const row: Row = {
      id: 'L1',
      name: `association page during ${failed} failed logins (${answers.length - failed} refused)`,
      small: stats(idle),
      large: stats(loaded),
      ratio: stats(loaded).p95 / stats(idle).p95,
      budget: LOGIN_FLOOD_BUDGET,
    };
    console.log(`\nAssociation page while 100 failed logins run (${loaded.length} views):\n`);
    console.log(formatTable([row], ['idle', 'during logins']));
    return row;
  } finally {
    await server.stop();
  }
}

function startWebServer(
  endpoint: string,
  { workspaceId, table }: Pick<Fixture, 'workspaceId' | 'table'>,
): Promise<WebChild> {
  return startWebChild({ endpoint, table, workspaceId, cursorSecret: CURSOR_SECRET });
}

await main();
