// Data access for the tarjotin pipeline's stage moves. The history (stage-history.store.ts) is the
// truth and the profile's stage follows it; a move, a history read and repair each bring a profile
// that a crash left behind up to the latest entry.
import type { Db } from '../db/client';
import { putIfAbsent, updateIf } from '../db/operations';
import { newId } from '../ids';
import { faultPoint } from '../db/fault-points';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { parseId, parseInput } from '../validation';
import { getActiveAssociation } from '../association/association.store';
import type { Workspace } from '../workspace/workspace.schema';
import { checkStageMove } from './pipeline';
import { STAGE_CHANGE_SCHEMA_VERSION, stageMoveInputSchema, type StageChange } from './pipeline.schema';
import { applyStageToProfile, getStageChange, stageChangeItem } from './stage-history.store';

/** How often a move without an expected revision reads again after losing to another move. */
const MOVE_ATTEMPTS = 3;

/**
 * Moves an association to another stage. The history entry `STAGE#<seq+1>` is written first and
 * conditionally: it is the lock, so of two concurrent moves exactly one wins. The profile's current
 * stage follows; a pending mark on the profile lets the next read finish a move a crash cut short.
 * A lost lock heals the profile from the entry that holds it. A move that the latest entry already
 * records (a resubmitted form, a retry after a crash) succeeds with that entry; another move made on
 * a stale `expectedSeq` fails with ConflictError (the reloaded page shows the truth); a move without
 * one is tried again on the healed profile. A partner has no stage: ValidationError. Fails with
 * ValidationError, NotFoundError.
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
    if (association.stage === undefined || association.stageSeq === undefined) {
      // A partner (organisation-kind.ts) is not on the tarjotin path.
      throw new ValidationError([{ field: 'to', message: localised('msg:partnerKind.noStage') }]);
    }
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
