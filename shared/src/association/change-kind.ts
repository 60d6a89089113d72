// Correcting an organisation's kind (an association entered as a partner, or the other way round).
// Becoming a partner leaves the pipeline: the stage, its pipeline column keys (pattern 7) and the
// frame are removed, the stage history is kept and its numbering (stageSeq) too. Becoming an
// association starts it in the workspace's first stage with a history entry without `from` (not
// counted as a move, as a new association's is), written first with attribute_not_exists; the
// profile update is conditional on the version the user saw, so a retry never writes twice.
import { z } from 'zod';
import type { Db } from '../db/client';
import { putIfAbsent, updateIf } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { initialStage } from '../pipeline/pipeline';
import { STAGE_CHANGE_SCHEMA_VERSION } from '../pipeline/pipeline.schema';
import { getStageChange, stageChangeItem } from '../pipeline/stage-history.store';
import { expectedVersionSchema, parseInput } from '../validation';
import type { Workspace } from '../workspace/workspace.schema';
import { associationInputSchema, type Association } from './association.schema';
import { getActiveAssociation } from './association.store';
import { ASSOCIATION_KIND, isKnownKind, organisationKindOf, partnerKindsOf } from './organisation-kind';

const changeKindSchema = z.object({
  expectedVersion: expectedVersionSchema,
  kind: associationInputSchema.shape.kind,
  frame: associationInputSchema.shape.frame,
});

/**
 * Changes the kind of the organisation made on `expectedVersion`. Fails with ValidationError (an
 * unknown kind; an association needs a frame), ConflictError (someone saved first), NotFoundError.
 */
export async function changeOrganisationKind(
  db: Db,
  workspace: Workspace,
  request: { id: string; input: unknown; by: string },
): Promise<Association> {
  const input = parseInput(changeKindSchema, request.input);
  if (!isKnownKind(partnerKindsOf(workspace), input.kind)) {
    throw new ValidationError([{ field: 'kind', message: localised('msg:partnerKind.unknown') }]);
  }
  const current = await getActiveAssociation(db, workspace.id, request.id);
  if (current.version !== input.expectedVersion) throw new ConflictError();
  if (organisationKindOf(current) === input.kind) return current;
  const now = db.now().toISOString();
  const key = keys.association(workspace.id, current.id);
  const versioned = {
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version', '#kind': 'kind' },
  };
  const base = {
    ':kind': input.kind,
    ':now': now,
    ':by': request.by,
    ':one': 1,
    ':expected': current.version,
  };
  let changed: boolean;
  if (input.kind !== ASSOCIATION_KIND) {
    changed = await updateIf(db, {
      Key: key,
      ...versioned,
      UpdateExpression:
        'SET #kind = :kind, updatedAt = :now, updatedBy = :by, #version = #version + :one ' +
        'REMOVE frame, stage, stageEnteredAt, stagePending, gsi2pk, gsi2sk',
      ExpressionAttributeValues: base,
    });
  } else {
    if (input.frame === undefined) {
      throw new ValidationError([{ field: 'frame', message: localised('msg:frame.required') }]);
    }
    const seq = (current.stageSeq ?? 0) + 1;
    const stage = initialStage(workspace.stages);
    const entry = {
      sv: STAGE_CHANGE_SCHEMA_VERSION,
      associationId: current.id,
      seq,
      from: null,
      to: stage,
      at: now,
      by: request.by,
    };
    // A retry finds its own entry (from nothing) and goes on; any other holder is a newer change.
    if (!(await putIfAbsent(db, stageChangeItem(workspace.id, entry)))) {
      const holder = await getStageChange(db, workspace.id, current.id, seq);
      if (holder?.from !== null) throw new ConflictError();
      Object.assign(entry, { to: holder.to, at: holder.at });
    }
    const column = keys.stageColumn(workspace.id, entry.to, entry.at, current.id);
    changed = await updateIf(db, {
      Key: key,
      ...versioned,
      UpdateExpression:
        'SET #kind = :kind, frame = :frame, stage = :stage, stageEnteredAt = :at, stageSeq = :seq, ' +
        'gsi2pk = :gsi2pk, gsi2sk = :gsi2sk, updatedAt = :now, updatedBy = :by, #version = #version + :one',
      ExpressionAttributeValues: {
        ...base,
        ':frame': input.frame,
        ':stage': entry.to,
        ':at': entry.at,
        ':seq': seq,
        ':gsi2pk': column.gsi2pk,
        ':gsi2sk': column.gsi2sk,
      },
    });
  }
  if (!changed) throw new ConflictError();
  return getActiveAssociation(db, workspace.id, current.id);
}
