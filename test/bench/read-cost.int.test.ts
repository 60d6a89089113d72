// The cost of every read pattern, in `npm test`: the demo data at two small sizes, each in a table
// of its own (a read of the whole table or of another workspace shows), every pattern of table.ts
// measured in round trips and items examined, which do not depend on timing. A read whose cost grows
// with the data beyond its declared allowance, or that scans, fails the build on any machine.
// A planted scan and a planted N+1 loop (fixtures here, not in the product) prove that it would.
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/src/db/client';
import { meterReads, type ReadCost } from '../../shared/src/db/read-cost';
import { accessPatterns, keys } from '../../shared/src/db/table';
import { ownTableDb } from '../support/test-db';
import { patternAllowances, reads, seed, type Fixture, type Read } from './pattern-reads';
import { budgetBreaches, worstCost } from './read-budget';

const SMALL = 0.2;
const LARGE = 0.6;
/** Each pattern is measured on a few different records (associations, people, months). */
const SAMPLES = 4;

interface Size {
  db: Db;
  fixture: Fixture;
  meter: ReturnType<typeof meterReads>;
}

let small: Size;
let large: Size;

async function size(scale: number): Promise<Size> {
  const db = await ownTableDb();
  const fixture = await seed(db, `cost-${String(scale).replace('.', '')}`, scale);
  return { db, fixture, meter: meterReads(db) };
}

async function costOf(at: Size, read: Read): Promise<ReadCost> {
  const costs: ReadCost[] = [];
  for (let i = 0; i < SAMPLES; i++)
    costs.push((await at.meter.measure(() => read(at.db, at.fixture, i))).cost);
  return worstCost(costs);
}

beforeAll(async () => {
  [small, large] = [await size(SMALL), await size(LARGE)];
}, 240_000);

afterAll(() => {
  small?.meter.stop();
  large?.meter.stop();
});

describe(`the cost of every read pattern at ${SMALL}× and ${LARGE}× data`, () => {
  it('holds for every pattern of table.ts (round trips and items examined within its allowance)', async () => {
    const report: string[] = [];
    for (const pattern of accessPatterns) {
      const read = reads[pattern.id];
      if (!read) {
        report.push(`${pattern.id} (${pattern.name}): no measured read`);
        continue;
      }
      const [a, b] = [await costOf(small, read), await costOf(large, read)];
      const breaches = budgetBreaches(a, b, patternAllowances[pattern.id]);
      if (breaches.length > 0) report.push(`${pattern.id} (${pattern.name}): ${breaches.join('; ')}`);
    }
    expect(report).toEqual([]);
  }, 120_000);

  it('fails a planted scan of the workspace and a planted N+1 loop', async () => {
    // A store function that filters a Scan by workspace: the bug the budget exists for.
    const plantedScan: Read = (db, f) =>
      db.doc.send(
        new ScanCommand({
          TableName: db.table,
          FilterExpression: 'begins_with(pk, :ws)',
          ExpressionAttributeValues: { ':ws': `WS#${f.workspaceId}#` },
        }),
      );
    expect(budgetBreaches(await costOf(small, plantedScan), await costOf(large, plantedScan))).not.toEqual(
      [],
    );
    // A page that reads each association's timeline one by one: its round trips grow with the data.
    const plantedLoop: Read = async (db, f) => {
      for (const association of f.data.associations)
        await db.doc.send(
          new QueryCommand({
            TableName: db.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.associationPartition(f.workspaceId, association.id) },
            Limit: 1,
          }),
        );
    };
    const breaches = budgetBreaches(await costOf(small, plantedLoop), await costOf(large, plantedLoop));
    expect(breaches.some((b) => b.startsWith('round trips grow'))).toBe(true);
  }, 60_000);
});
