// `npm run bench`: seeds 1× and 10× demo data into an in-memory dynalite, then measures every read
// pattern of table.ts on both and fails when a p95 ratio 10×/1× reaches its budget (a scan).
import { ensureTable, localClient, startLocalDynamo } from '../../shared/src/db/local';
import { createDb, type Db } from '../../shared/src/db/client';
import { accessPatterns } from '../../shared/src/db/table';
import {
  getAssociation,
  listAssociationsInStage,
  listDirectory,
} from '../../shared/src/association/association.store';
import {
  listMyOpenFollowUps,
  listOpenFollowUpsOfAssociation,
  listTeamOpenFollowUps,
} from '../../shared/src/follow-up/follow-up.store';
import {
  getInteractionRef,
  listInteractionsInMonth,
  listTimeline,
} from '../../shared/src/interaction/interaction.store';
import {
  getPerson,
  listAssociationsOfPerson,
  listMembersOfAssociation,
} from '../../shared/src/person/person.store';
import { listStageHistory } from '../../shared/src/pipeline/pipeline.store';
import { listAssociationsInMunicipality } from '../../shared/src/association/municipality-index';
import { generateDemoData, type DemoData } from '../../shared/src/seed/demo-data';
import { demoItems, writeItems } from '../../shared/src/seed/seed-workspace';
import { helsinkiMonth } from '../../shared/src/time/helsinki';
import { ensureWorkspace, getWorkspace } from '../../shared/src/workspace/workspace.store';
import { compare, formatTable, type Row } from './harness';

const BUDGET = 1.5;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PAGE = 50;
const now = new Date('2026-11-24T10:00:00.000Z');
const staffIds = ['anna', 'ville', 'sanna'];

interface Fixture {
  workspaceId: string;
  data: DemoData;
}

type Read = (db: Db, fixture: Fixture, i: number) => Promise<unknown>;

const pick = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length] as T;

/** One measured read per pattern in table.ts; a pattern missing here fails the run. */
const reads: Record<string, Read> = {
  '1': (db, f, i) => getAssociation(db, f.workspaceId, pick(f.data.associations, i).id),
  '2': (db, f) => listDirectory(db, f.workspaceId, { limit: PAGE }),
  '3': (db, f, i) => listTimeline(db, f.workspaceId, pick(f.data.associations, i).id, { limit: PAGE }),
  '4a': (db, f, i) =>
    listMembersOfAssociation(db, f.workspaceId, pick(f.data.associations, i).id, { limit: PAGE }),
  '4b': (db, f, i) => listAssociationsOfPerson(db, f.workspaceId, pick(f.data.people, i).id, { limit: PAGE }),
  '4c': (db, f, i) => listOpenFollowUpsOfAssociation(db, f.workspaceId, pick(f.data.associations, i).id),
  '5': (db, f, i) => listMyOpenFollowUps(db, f.workspaceId, pick(staffIds, i), { limit: PAGE }),
  '6': (db, f) => listTeamOpenFollowUps(db, f.workspaceId, { limit: PAGE }),
  '7': (db, f, i) =>
    listAssociationsInStage(db, f.workspaceId, pick(['not_contacted', 'contacted', 'interested'], i), {
      limit: PAGE,
    }),
  '8': (db, f, i) => listStageHistory(db, f.workspaceId, pick(f.data.associations, i).id),
  '9': (db, f, i) =>
    listInteractionsInMonth(
      db,
      f.workspaceId,
      helsinkiMonth(new Date(now.getTime() - (i % 11) * 30 * 86_400_000)),
      { limit: PAGE },
    ),
  '10': (db, f, i) => getPerson(db, f.workspaceId, pick(f.data.people, i).id),
  '11': (db, f) => getWorkspace(db, f.workspaceId),
  '13': (db, f, i) =>
    listAssociationsInMunicipality(db, f.workspaceId, pick(['Kuopio', 'Iisalmi', 'Varkaus', 'Tervo'], i), {
      limit: PAGE,
    }),
  '12': (db, f, i) => {
    const interaction = pick(f.data.interactions, i);
    return getInteractionRef(db, f.workspaceId, interaction.associationId, interaction.id);
  },
};

async function seed(db: Db, workspaceId: string, scale: number): Promise<Fixture> {
  const workspace = await ensureWorkspace(db, workspaceId, `Bench ${scale}×`);
  const data = generateDemoData({ workspaceId, stages: workspace.stages, staffIds, scale, seed: 2026, now });
  const started = performance.now();
  await writeItems(db, demoItems(workspaceId, data));
  console.log(
    `Seeded ${scale}×: ${data.associations.length} associations, ${data.interactions.length} interactions ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { workspaceId, data };
}

async function main(): Promise<void> {
  const missing = accessPatterns.filter((p) => !reads[p.id]).map((p) => p.id);
  if (missing.length > 0) throw new Error(`No benchmark for access pattern(s) ${missing.join(', ')}`);

  const engine = await startLocalDynamo();
  const client = localClient(engine.endpoint);
  await ensureTable(client, 'kohtaamo-bench');
  client.destroy();
  const db = createDb({
    table: 'kohtaamo-bench',
    region: 'local',
    endpoint: engine.endpoint,
    cursorSecret: 'bench-cursor-secret-0123456789abcdef',
  });
  try {
    const small = await seed(db, 'bench-1x', 1);
    const large = await seed(db, 'bench-10x', 10);
    const rows: Row[] = [];
    for (const pattern of accessPatterns) {
      const read = reads[pattern.id] as Read;
      // A breach is measured again (up to 3 times) so one GC pause does not fail the run.
      let row: Row | undefined;
      for (let attempt = 0; attempt < 3 && (!row || row.ratio >= BUDGET); attempt++) {
        const result = await compare(
          (i) => read(db, small, i),
          (i) => read(db, large, i),
          ITERATIONS,
        );
        const ratio = result.large.p95 / result.small.p95;
        if (!row || ratio < row.ratio)
          row = { id: pattern.id, name: pattern.name, ...result, ratio, budget: BUDGET };
      }
      rows.push(row as Row);
    }
    console.log(`\nRead patterns, ${ITERATIONS} reads each (pages of ${PAGE}):\n`);
    console.log(formatTable(rows, ['1×', '10×']));
    const over = rows.filter((r) => r.ratio >= r.budget);
    console.log(
      over.length === 0
        ? `\nAll ${rows.length} patterns within budget.`
        : `\nOver budget: ${over.map((r) => r.id).join(', ')}`,
    );
    process.exitCode = over.length === 0 ? 0 : 1;
  } finally {
    await engine.close();
  }
}

await main();
