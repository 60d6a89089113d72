// Data access for the tarjotin pipeline: stage moves and the append-only history (pattern 8).
// The history is the truth and the profile's stage follows it; a move, a history read and repair
// each bring a profile that a crash left behind up to the latest entry.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, queryAll, queryPage, run, updateIf, type Page } from '../db/operations';
import { newId } from '../ids';
import { faultPoint } from '../db/fault-points';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ConflictError } from '../errors';
import { parseId, parseInput } from '../validation';
import { helsinkiMonth } from '../time/helsinki';
import { getActiveAssociation, putIfAbsent } from '../association/association.store';
import type { Association } from '../association/association.schema';
import type { Workspace } from '../workspace/workspace.schema';
import { checkStageMove } from './pipeline';
import { STAGE_CHANGE_SCHEMA_VERSION, stageMoveInputSchema, type StageChange } from './pipeline.schema';

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

/** How often a move without an expected revision reads again after losing to another move. */
const MOVE_ATTEMPTS = 3;

/**
 * Moves an association to another stage. The history entry `STAGE#<seq+1>` is written first and
 * conditionally: it is the lock, so of two concurrent moves exactly one wins. The profile's current
 * stage follows; a pending mark on the profile lets the next read finish a move a crash cut short.
 * A lost lock heals the profile from the entry that holds it. A move that the latest entry already
 * records (a resubmitted form, a retry after a crash) succeeds with that entry; another move made on
 * a stale `expectedSeq` fails with ConflictError (the reloaded page shows the truth); a move without
 * one is tried again on the healed profile. Fails with ValidationError, NotFoundError.
 */
export async function moveAssociationStage(
  db: Db,
  workspace: Workspace,
  request: { associationId: string; input: unknown; by: string; expectedSeq?: number },
): Promise<StageChange> {
  const associationId = parseId(request.associationId);
  const input = parseInput(stageMoveInputSchema, request.input);
  for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
    const association = await getActiveAssociation(db, workspace.id, associationId);
    if (request.expectedSeq !== undefined && request.expectedSeq !== association.stageSeq) {
      // The latest entry is this very move (a resubmitted form, a retry after a crash): done.
      if (request.expectedSeq + 1 === association.stageSeq) {
        const latest = await getStageChange(db, workspace.id, associationId, association.stageSeq);
        if (latest?.to === input.to) return latest;
      }
      throw new ConflictError();
    }
    checkStageMove(workspace.stages, association.stage, input.to);
    const change: StageChange = {
      sv: STAGE_CHANGE_SCHEMA_VERSION,
      associationId,
      seq: association.stageSeq + 1,
      from: association.stage,
      to: input.to,
      at: db.now().toISOString(),
      by: request.by,
      ...(input.note ? { note: input.note } : {}),
    };
    await markStagePending(db, workspace.id, associationId);
    if (await putIfAbsent(db, stageChangeItem(workspace.id, change))) {
      faultPoint('stage-move:after-history');
      await applyStageToProfile(db, workspace.id, change);
      return change;
    }
    const holder = await getStageChange(db, workspace.id, associationId, change.seq);
    if (holder) {
      await applyStageToProfile(db, workspace.id, holder);
      if (holder.from === change.from && holder.to === change.to) return holder;
    }
    if (request.expectedSeq !== undefined) throw new ConflictError();
  }
  throw new ConflictError();
}

/** The history entry with sequence number `seq`, if it exists (read from the base table). */
async function getStageChange(
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
 * Marks the profile as having a move in progress (a fresh token, one unconditional attribute), so
 * that a read after a crash between the history entry and the profile finishes the move.
 */
async function markStagePending(db: Db, workspaceId: string, associationId: string): Promise<void> {
  await updateIf(db, {
    Key: keys.association(workspaceId, associationId),
    UpdateExpression: 'SET stagePending = :token',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':token': newId() },
  });
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
async function applyStageToProfile(db: Db, workspaceId: string, change: StageChange): Promise<void> {
  const column = keys.stageColumn(workspaceId, change.to, change.at, change.associationId);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, change.associationId),
          UpdateExpression:
            'SET stage = :to, stageEnteredAt = :at, stageSeq = :seq, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk REMOVE stagePending',
          ConditionExpression: 'attribute_exists(pk) AND stageSeq < :seq',
          ExpressionAttributeValues: {
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
  if (!latest || latest.seq <= association.stageSeq) return false;
  await applyStageToProfile(db, workspaceId, latest);
  return true;
}

/** Pattern 31: a page of the stage changes of a Helsinki month (`YYYY-MM`), in time order (reports). */
export function listStageChangesInMonth(
  db: Db,
  workspaceId: string,
  month: string,
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
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
