// Data access for associations: profile (1), directory (2), pipeline column (7), profile edits.
import { checkParent } from './parent-association';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import {
  batchGetAll,
  countUpTo,
  isConditionalFailure,
  putIfAbsent,
  queryPage,
  run,
  type Page,
  type PageRequest,
} from '../db/operations';
import { keys } from '../db/table';
import { stripKeys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { finnishCollationKey } from '../text/finnish-collation';
import { parseExpectedVersion, parseId, parseInput } from '../validation';
import { recomputeSummary } from './association-summary';
import { syncProfileEntries } from './profile-entries';
import { syncPersonCopiesOfAssociation } from '../person/name-copies';
import { syncCampaignRowNames } from '../campaign/campaign-row-names';
import { isAssignableMember } from '../user/user.store';
import { localised } from '../i18n/messages';
import { initialStage } from '../pipeline/pipeline';
import { STAGE_CHANGE_SCHEMA_VERSION } from '../pipeline/pipeline.schema';
import { healPendingStage, stageChangeItem } from '../pipeline/stage-history.store';
import type { Workspace } from '../workspace/workspace.schema';
import { ASSOCIATION_KIND, isKnownKind, isPartner, partnerKindsOf } from './organisation-kind';
import {
  ASSOCIATION_SCHEMA_VERSION,
  associationInputSchema,
  editableAssociationFields,
  type Association,
  type AssociationInput,
} from './association.schema';

const notFound = () => new NotFoundError(localised('associationSummary.associationNotFound'));

/** The stored item of an association profile, with its index keys. */
export function associationItem(workspaceId: string, association: Association): Record<string, unknown> {
  return {
    ...keys.association(workspaceId, association.id),
    // A merged duplicate stays as a record of the merge, out of the directory and the pipeline.
    ...(association.mergedInto
      ? {}
      : {
          ...keys.directory(workspaceId, finnishCollationKey(association.name), association.id),
          // A partner has no stage, so no pipeline column entry (pattern 7).
          ...(association.stage !== undefined && association.stageEnteredAt !== undefined
            ? keys.stageColumn(workspaceId, association.stage, association.stageEnteredAt, association.id)
            : {}),
        }),
    type: 'association',
    ...association,
  };
}

/**
 * Creates an association with a client-made id, in `stage` (the workspace's first stage unless
 * given: an association met already on tarjotin starts where it is). The first stage-history
 * entry is written first, then the profile; both are conditional, so a retry of the same request
 * creates nothing twice. The starting entry has no `from`: reports do not count it as a move.
 * A partner (input `kind` one of the workspace's partner kinds) gets no stage, no history entry
 * and no frame (a frame or stage sent with it is ignored). Fails with ValidationError (an unknown
 * kind or stage, an association without a frame, an unknown owner, a parent that cannot be one).
 */
export async function createAssociation(
  db: Db,
  workspace: Workspace,
  request: { id: string; input: unknown; by: string; stage?: string | undefined },
): Promise<Association> {
  const id = parseId(request.id);
  const parsed: AssociationInput = parseInput(associationInputSchema, request.input);
  const input = checkKindAndFrame(workspace, parsed);
  const partner = isPartner(input);
  const stage = partner ? undefined : startingStage(workspace, request.stage);
  await checkOwner(db, workspace.id, input.ownerId);
  await checkParent(db, workspace.id, id, input.parentId);
  const now = db.now().toISOString();
  const association: Association = {
    ...input,
    sv: ASSOCIATION_SCHEMA_VERSION,
    id,
    workspaceId: workspace.id,
    version: 1,
    createdAt: now,
    createdBy: request.by,
    updatedAt: now,
    updatedBy: request.by,
    ...(stage !== undefined ? { stage, stageEnteredAt: now, stageSeq: 1 } : {}),
    openFollowUpCount: 0,
    summaryRev: 0,
  };
  if (stage !== undefined) {
    await putIfAbsent(
      db,
      stageChangeItem(workspace.id, {
        sv: STAGE_CHANGE_SCHEMA_VERSION,
        associationId: id,
        seq: 1,
        from: null,
        to: stage,
        at: now,
        by: request.by,
      }),
    );
  }
  const created = await putIfAbsent(db, associationItem(workspace.id, association));
  const stored = created ? association : await getAssociation(db, workspace.id, id);
  // Derived index entries last: a crash before them is fixed by a retry or by repair.
  await syncProfileEntries(db, workspace.id, stored);
  return stored;
}

/**
 * The kind must be an association or one of the workspace's partner kinds; an association needs
 * a frame, a partner has none (one sent is dropped: the form's frame select stays in a partner's
 * form without JavaScript).
 */
export function checkKindAndFrame(workspace: Workspace, input: AssociationInput): AssociationInput {
  if (!isKnownKind(partnerKindsOf(workspace), input.kind)) {
    throw new ValidationError([{ field: 'kind', message: localised('msg:partnerKind.unknown') }]);
  }
  if (isPartner(input)) {
    const { frame: _frame, ...partner } = input;
    return partner;
  }
  if (input.frame === undefined) {
    throw new ValidationError([{ field: 'frame', message: localised('msg:frame.required') }]);
  }
  return input;
}

function startingStage(workspace: Workspace, requested: string | undefined): string {
  if (requested === undefined || requested === '') return initialStage(workspace.stages);
  if (workspace.stages.some((s) => s.code === requested)) return requested;
  throw new ValidationError([{ field: 'stage', message: localised('msg:stage.unknown') }]);
}

/** An owner must be an active admin or staff member of the workspace. */
async function checkOwner(db: Db, workspaceId: string, ownerId: string | undefined): Promise<void> {
  if (ownerId === undefined) return;
  if (!(await isAssignableMember(db, workspaceId, ownerId))) {
    throw new ValidationError([{ field: 'ownerId', message: localised('msg:owner.unknown') }]);
  }
}

/**
 * The association's profile. A summary that a write marked stale (it lost every race, or the
 * write crashed before it) is recomputed first, and a stage move a crash cut short is finished,
 * so the read heals both. A writer that recomputes the summary itself passes `heal: false` (in a
 * burst every writer would otherwise also recompute for the others in flight). Fails with NotFoundError.
 */
export async function getAssociation(
  db: Db,
  workspaceId: string,
  id: string,
  options: { heal?: boolean } = {},
): Promise<Association> {
  parseId(id);
  const read = () =>
    run(() =>
      db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.association(workspaceId, id), ConsistentRead: true }),
      ),
    );
  let result = await read();
  if (!result.Item) throw notFound();
  const stored = stripKeys<Association>(result.Item);
  const heal = options.heal ?? true;
  if (
    heal &&
    (stored.summaryStaleAt !== undefined || stored.stagePending !== undefined) &&
    !stored.mergedInto
  ) {
    if (stored.stagePending !== undefined) await healPendingStage(db, workspaceId, stored);
    if (stored.summaryStaleAt !== undefined) await recomputeSummary(db, workspaceId, id);
    result = await read();
    if (!result.Item) throw notFound();
  }
  return stripKeys<Association>(result.Item);
}

/** The association if it exists (a consistent read of the profile), else undefined. */
export async function findAssociation(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Association | undefined> {
  try {
    return await getAssociation(db, workspaceId, id);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * The association as a target of new facts (a contact, a stage move, a role): a duplicate that was
 * merged into another refuses them, naming where they belong now.
 */
export async function getActiveAssociation(
  db: Db,
  workspaceId: string,
  id: string,
  options: { heal?: boolean } = {},
): Promise<Association> {
  const association = await getAssociation(db, workspaceId, id, options);
  if (association.mergedInto || association.mergingInto) {
    throw new ValidationError([
      {
        field: 'associationId',
        message: localised('associationStore.theAssociationHasBeenMerged'),
      },
    ]);
  }
  return association;
}

/** Whether `error` is getActiveAssociation's refusal: the association was merged into another. */
export const isMergedAssociation = (error: unknown): boolean =>
  error instanceof ValidationError && error.fields.some((f) => f.field === 'associationId');

/** Pattern 2: the directory in Finnish alphabetical order. */
export function listDirectory(
  db: Db,
  workspaceId: string,
  page: PageRequest = {},
): Promise<Page<Association>> {
  return queryPage<Association>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.directoryPartition(workspaceId) },
    },
    { scope: `directory:${workspaceId}`, ...page },
  );
}

/** Pattern 7: the associations in one pipeline stage, longest waiting first. */
export function listAssociationsInStage(
  db: Db,
  workspaceId: string,
  stage: string,
  page: PageRequest = {},
): Promise<Page<Association>> {
  return queryPage<Association>(
    db,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.stageColumnPartition(workspaceId, stage) },
    },
    { scope: `stage:${workspaceId}:${stage}`, ...page },
  );
}

/**
 * Saves a profile edit made on `expectedVersion`. Only the submitted editable fields are written
 * (a field sent blank is removed; one not sent is left as it is), so a form or a writer that
 * knows only some fields never wipes the others, and the summary and stage are never clobbered.
 * A stale version is a ConflictError and changes nothing; removing an association's frame, or
 * giving a partner one, is a ValidationError.
 */
export async function updateAssociationProfile(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; input: unknown; by: string },
): Promise<Association> {
  const id = parseId(request.id);
  const submitted = editableAssociationFields.filter(
    (field) => typeof request.input === 'object' && request.input !== null && field in request.input,
  );
  const schema = associationInputSchema.pick(
    Object.fromEntries(submitted.map((field) => [field, true])) as Partial<
      Record<keyof AssociationInput, true>
    >,
  );
  const input = parseInput(schema, request.input) as Partial<AssociationInput>;
  await checkOwner(db, workspaceId, input.ownerId);
  await checkParent(db, workspaceId, id, input.parentId);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = {
    ':expected': parseExpectedVersion(request.expectedVersion),
    ':one': 1,
    ':now': db.now().toISOString(),
    ':by': request.by,
  };
  const sets = ['#version = #version + :one', 'updatedAt = :now', 'updatedBy = :by'];
  const removes: string[] = [];
  if (input.name !== undefined) {
    values[':gsi1sk'] = keys.directory(workspaceId, finnishCollationKey(input.name), id).gsi1sk;
    sets.push('gsi1sk = :gsi1sk');
  }
  for (const field of submitted) {
    names[`#${field}`] = field;
    const value = input[field];
    if (value === undefined) {
      removes.push(`#${field}`);
    } else {
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
  }
  // An association keeps its frame and a partner never gets one: checked on the stored kind.
  const frameCondition = submitted.includes('frame')
    ? input.frame === undefined
      ? ' AND attribute_exists(#kind) AND #kind <> :association'
      : ' AND (attribute_not_exists(#kind) OR #kind = :association)'
    : '';
  if (frameCondition) {
    names['#kind'] = 'kind';
    values[':association'] = ASSOCIATION_KIND;
  }
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          // A merge bumps the version too, so a duplicate being merged is never edited.
          ConditionExpression: `attribute_exists(pk) AND #version = :expected${frameCondition}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    const updated = stripKeys<Association>(result.Attributes ?? {});
    await syncProfileEntries(db, workspaceId, updated);
    // A renamed association's name is copied into its memberships (the people's side lists it)
    // and its campaign rows (a call list shows and sorts by it).
    if (input.name !== undefined) {
      await syncPersonCopiesOfAssociation(db, workspaceId, id);
      await syncCampaignRowNames(db, workspaceId, id);
    }
    return updated;
  } catch (error) {
    if (isConditionalFailure(error)) {
      const current = await getAssociation(db, workspaceId, id); // NotFoundError when it is gone
      if (frameCondition && current.version === request.expectedVersion) {
        throw new ValidationError([
          {
            field: 'frame',
            message: localised(isPartner(current) ? 'msg:partnerKind.noFrame' : 'msg:frame.required'),
          },
        ]);
      }
      throw new ConflictError();
    }
    throw error;
  }
}

/** The names of several associations in one batch read (e.g. for a page of follow-ups). */
export async function getAssociationNames(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map((id) => parseId(id)))];
  const items = await batchGetAll(
    db,
    unique.map((id) => keys.association(workspaceId, id)),
    { expression: 'id, #name', names: { '#name': 'name' } },
  );
  return new Map(items.map((item) => [String(item.id), String(item.name)]));
}

/** Where a pipeline column's count stops ("1000+"): a declared, bounded cost (pattern 7, table.ts). */
export const STAGE_COUNT_CAP = 1000;

/**
 * How many associations wait in a stage: a count query on the stage index that examines at most
 * `cap` + 1 entries (`more`: there are more than `count`).
 */
export function countAssociationsInStage(
  db: Db,
  workspaceId: string,
  stage: string,
  cap = STAGE_COUNT_CAP,
): Promise<{ count: number; more: boolean }> {
  return countUpTo(
    db,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.stageColumnPartition(workspaceId, stage) },
    },
    cap,
  );
}

/**
 * Archives a dissolved association (or restores it). Archived associations leave the directory's
 * default view but keep their history. A stale version is a ConflictError.
 */
export async function setAssociationArchived(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; archived: boolean; by: string },
): Promise<Association> {
  const id = parseId(request.id);
  const expectedVersion = parseExpectedVersion(request.expectedVersion);
  const now = db.now().toISOString();
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, id),
          UpdateExpression: request.archived
            ? 'SET archivedAt = :now, archivedBy = :by, updatedAt = :now, updatedBy = :by, #version = #version + :one'
            : 'SET updatedAt = :now, updatedBy = :by, #version = #version + :one REMOVE archivedAt, archivedBy',
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':now': now,
            ':by': request.by,
            ':one': 1,
            ':expected': expectedVersion,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return stripKeys<Association>(result.Attributes ?? {});
  } catch (error) {
    if (isConditionalFailure(error)) {
      await getAssociation(db, workspaceId, id);
      throw new ConflictError();
    }
    throw error;
  }
}
