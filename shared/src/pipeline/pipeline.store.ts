// Data access for the tarjotin pipeline: stage moves and the append-only history (pattern 8).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, queryAll, queryPage, run, type Page } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { ConflictError } from '../errors';
import { parseId, parseInput } from '../validation';
import { helsinkiMonth } from '../time/helsinki';
import { getActiveAssociation, putIfAbsent } from '../association/association.store';
import type { Association } from '../association/association.schema';
import type { Workspace } from '../workspace/workspace.schema';
import { checkStageMove } from './pipeline';
import { STAGE_CHANGE_SCHEMA_VERSION, stageMoveInputSchema, type StageChange } from './pipeline.schema';

/**
 * Moves an association to another stage. The history entry `STAGE#<seq+1>` is written first and
 * conditionally: it is the lock, so of two concurrent moves exactly one wins and the other gets
 * a ConflictError. The profile's current stage follows; `repairStage` finishes an interrupted move.
 */
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

export async function moveAssociationStage(
  db: Db,
  workspace: Workspace,
  request: { associationId: string; input: unknown; by: string; expectedSeq?: number },
): Promise<StageChange> {
  const associationId = parseId(request.associationId);
  const input = parseInput(stageMoveInputSchema, request.input);
  const association = await getActiveAssociation(db, workspace.id, associationId);
  if (request.expectedSeq !== undefined && request.expectedSeq !== association.stageSeq)
    throw new ConflictError();
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
  const won = await putIfAbsent(db, stageChangeItem(workspace.id, change));
  if (!won) throw new ConflictError();
  await applyStageToProfile(db, workspace.id, change);
  return change;
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
            'SET stage = :to, stageEnteredAt = :at, stageSeq = :seq, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
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

/** Pattern 8: every stage change of an association, oldest first. */
export function listStageHistory(db: Db, workspaceId: string, associationId: string): Promise<StageChange[]> {
  parseId(associationId);
  return queryAll<StageChange>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.stageChange,
    },
    ConsistentRead: true,
  });
}

/** Brings the profile's stage up to the latest history entry (after a crash mid-move). */
export async function repairStage(db: Db, workspaceId: string, association: Association): Promise<boolean> {
  const history = await listStageHistory(db, workspaceId, association.id);
  const latest = history.at(-1);
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
