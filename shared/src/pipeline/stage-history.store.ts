// The tarjotin pipeline's append-only history (pattern 8) and the profile's stage that follows it:
// writing an entry's item, reading the history, and bringing a profile that a crash left behind up
// to the latest entry. It reads no association profile itself, so the association store can heal
// on read without an import cycle; the move itself is in pipeline.store.ts.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import {
  isConditionalFailure,
  queryAll,
  queryPage,
  run,
  updateIf,
  type Page,
  type PageRequest,
} from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { parseId } from '../validation';
import { helsinkiMonth } from '../time/helsinki';
import type { Association } from '../association/association.schema';
import type { StageChange } from './pipeline.schema';
import { ASSOCIATION_KIND } from '../association/organisation-kind';

/** The stored item of a history entry, with its month index keys. */
export function stageChangeItem(workspaceId: string, change: StageChange): Record<string, unknown> {
  return {
    ...keys.stageChange(workspaceId, change.associationId, change.seq),
    ...keys.stageChangeMonth(
      workspaceId,
      helsinkiMonth(new Date(change.at)),
      change.at,
      change.associationId,
      change.seq,
    ),
    type: 'stageChange',
    ...change,
  };
}

/** The history entry with sequence number `seq`, if it exists (read from the base table). */
export async function getStageChange(
  db: Db,
  workspaceId: string,
  associationId: string,
  seq: number,
): Promise<StageChange | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.stageChange(workspaceId, associationId, seq),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? stripKeys<StageChange>(result.Item) : undefined;
}

/**
 * Finishes a move that a crash cut short, for a profile read with a pending mark: applies the
 * latest history entry, or, when the profile is already up to date, removes the mark (unless a
 * newer move has marked it since). Fails only with the DynamoDB error of a read or write.
 */
export async function healPendingStage(db: Db, workspaceId: string, association: Association): Promise<void> {
  if (association.stagePending === undefined) return;
  if (await repairStage(db, workspaceId, association)) return;
  await updateIf(db, {
    Key: keys.association(workspaceId, association.id),
    UpdateExpression: 'REMOVE stagePending',
    ConditionExpression: 'stagePending = :token AND stageSeq = :seq',
    ExpressionAttributeValues: { ':token': association.stagePending, ':seq': association.stageSeq },
  });
}

/** Sets the profile's current stage from a history entry, unless a later entry was applied. */
export async function applyStageToProfile(db: Db, workspaceId: string, change: StageChange): Promise<void> {
  const column = keys.stageColumn(workspaceId, change.to, change.at, change.associationId);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, change.associationId),
          UpdateExpression:
            'SET stage = :to, stageEnteredAt = :at, stageSeq = :seq, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk REMOVE stagePending',
          // A partner (organisation-kind.ts) never takes a stage, not even from an entry a kind
          // change left behind.
          ConditionExpression:
            'attribute_exists(pk) AND stageSeq < :seq AND (attribute_not_exists(#kind) OR #kind = :association)',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':association': ASSOCIATION_KIND,
            ':to': change.to,
            ':at': change.at,
            ':seq': change.seq,
            ':gsi2pk': column.gsi2pk,
            ':gsi2sk': column.gsi2sk,
          },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}

/**
 * Pattern 8: every stage change of an association, oldest first. When the profile is behind the
 * latest entry (a move crashed between its two writes), the read brings it up to date.
 */
export async function listStageHistory(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<StageChange[]> {
  parseId(associationId);
  const [history, profile] = await Promise.all([
    queryAll<StageChange>(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.associationPartition(workspaceId, associationId),
        ':prefix': sortKeyPrefixes.stageChange,
      },
      ConsistentRead: true,
    }),
    run(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          ProjectionExpression: 'stageSeq, mergedInto',
          ConsistentRead: true,
        }),
      ),
    ),
  ]);
  const latest = history.at(-1);
  if (latest && profile.Item && !profile.Item.mergedInto && latest.seq > Number(profile.Item.stageSeq ?? 0))
    await applyStageToProfile(db, workspaceId, latest);
  return history;
}

/**
 * Brings the profile's stage up to the latest history entry (after a crash mid-move); true when it
 * was behind. Reads only the newest entry.
 */
export async function repairStage(db: Db, workspaceId: string, association: Association): Promise<boolean> {
  const newest = await run(() =>
    db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.associationPartition(workspaceId, association.id),
          ':prefix': sortKeyPrefixes.stageChange,
        },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    ),
  );
  const item = newest.Items?.[0];
  const latest = item ? stripKeys<StageChange>(item) : undefined;
  if (!latest || latest.seq <= (association.stageSeq ?? 0)) return false;
  await applyStageToProfile(db, workspaceId, latest);
  return true;
}

/** Pattern 31: a page of the stage changes of a Helsinki month (`YYYY-MM`), in time order (reports). */
export function listStageChangesInMonth(
  db: Db,
  workspaceId: string,
  month: string,
  page: PageRequest = {},
): Promise<Page<StageChange>> {
  return queryPage<StageChange>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.stageChangeMonthPartition(workspaceId, month) },
    },
    { scope: `moves:${workspaceId}:${month}`, ...page },
  );
}
