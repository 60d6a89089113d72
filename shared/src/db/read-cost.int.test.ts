// The read meter against dynalite: round trips, items examined (ScannedCount, not what a filter
// lets through) and scans, per piece of work.
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ownTableDb } from '../../../test/support/test-db';
import { meterReads, meterRequests, withRequestCost } from './read-cost';

describe('the read meter', () => {
  it('counts round trips, items examined behind a filter, batch reads and scans', async () => {
    const db = await ownTableDb();
    for (let i = 0; i < 12; i++)
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { pk: 'P', sk: `S#${String(i).padStart(2, '0')}`, n: i },
        }),
      );
    const meter = meterReads(db);
    const filtered = await meter.measure(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'n < :three',
          ExpressionAttributeValues: { ':pk': 'P', ':three': 3 },
        }),
      ),
    );
    expect(filtered.result.Items).toHaveLength(3);
    expect(filtered.cost).toMatchObject({ roundTrips: 1, itemsExamined: 12, scans: 0 });

    const reads = await meter.measure(async () => {
      await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk: 'P', sk: 'S#01' } }));
      await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk: 'P', sk: 'none' } }));
      await db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.table]: {
              Keys: [
                { pk: 'P', sk: 'S#02' },
                { pk: 'P', sk: 'S#03' },
              ],
            },
          },
        }),
      );
    });
    expect(reads.cost).toMatchObject({
      roundTrips: 3,
      itemsExamined: 3,
      commands: { GetItemCommand: 2, BatchGetItemCommand: 1 },
    });

    const scan = await meter.measure(() => db.doc.send(new ScanCommand({ TableName: db.table })));
    expect(scan.cost).toMatchObject({ roundTrips: 1, itemsExamined: 12, scans: 1 });
    meter.stop();
    const after = meterReads(db);
    after.stop();
    expect(after.cost().roundTrips).toBe(0);
  });

  it('counts each request alone, however they interleave, and nothing outside a request', async () => {
    const db = await ownTableDb();
    meterRequests(db);
    const get = (sk: string) => db.doc.send(new GetCommand({ TableName: db.table, Key: { pk: 'P', sk } }));
    await db.doc.send(new PutCommand({ TableName: db.table, Item: { pk: 'P', sk: 'A' } }));
    const [one, three] = await Promise.all([
      withRequestCost(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return get('A');
      }),
      withRequestCost(async () => {
        await get('A');
        await Promise.all([get('A'), get('B')]);
      }),
    ]);
    expect(one.cost).toMatchObject({ roundTrips: 1, itemsExamined: 1 });
    expect(three.cost).toMatchObject({ roundTrips: 3, itemsExamined: 2 });
    expect(one.result.Item).toMatchObject({ sk: 'A' });
  });
});
