// The sweeper: removes expired sessions, one-time tokens and throttle counters. dynalite has no
// TTL, and in AWS TTL deletes only within days, so the app never trusts an item's presence (every
// read checks expiry in code) and this sweep keeps the table tidy in both places.
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { eachResultPage, isConditionalFailure, run } from '../db/operations';

export type SweepReport = Record<'session' | 'token' | 'throttle', number>;

export async function sweepExpired(db: Db): Promise<SweepReport> {
  const now = db.now().toISOString();
  const report: SweepReport = { session: 0, token: 0, throttle: 0 };
  for await (const page of eachResultPage((start) =>
    run(() =>
      db.doc.send(
        new ScanCommand({
          TableName: db.table,
          FilterExpression: '#type IN (:session, :token, :throttle) AND expiresAt <= :now',
          ProjectionExpression: 'pk, sk, #type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':session': 'session',
            ':token': 'token',
            ':throttle': 'throttle',
            ':now': now,
          },
          ExclusiveStartKey: start,
        }),
      ),
    ),
  )) {
    for (const item of page.Items ?? []) {
      try {
        await run(() =>
          db.doc.send(
            new DeleteCommand({
              TableName: db.table,
              Key: { pk: item['pk'], sk: item['sk'] },
              // A session refreshed since the scan is no longer expired: leave it.
              ConditionExpression: 'expiresAt <= :now',
              ExpressionAttributeValues: { ':now': now },
            }),
          ),
        );
        report[item['type'] as keyof SweepReport] += 1;
      } catch (error) {
        if (!isConditionalFailure(error)) throw error;
      }
    }
  }
  return report;
}
