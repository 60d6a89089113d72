// Merging two associations that are the same organisation (a duplicate): the duplicate's contacts,
// follow-ups and roles move to the survivor, and the duplicate stays behind as a record of the
// merge (with its stage history, which is append-only and belongs to it), out of the directory,
// the pipeline and the municipality lists. The merge is recorded on both and in the audit log.
//
// No transactions: the duplicate is marked first (`mergingInto`), then each item is copied to the
// survivor (conditional put, same id) before the original is deleted, and the marks are finished
// last. A crash anywhere is finished by running the merge again, or by `repair`.
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { isConditionalFailure, queryAll, queryAllItems, run } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { localised, type Localised } from '../i18n/messages';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { followUpItem } from '../follow-up/follow-up.store';
import type { Interaction } from '../interaction/interaction.schema';
import { interactionItem, interactionRefItem } from '../interaction/interaction.store';
import { putContactsMet } from '../interaction/contacts-met.store';
import type { Membership } from '../person/person.schema';
import { membershipItem } from '../person/person.store';
import { parseExpectedVersion, parseId } from '../validation';
import type { Workspace } from '../workspace/workspace.schema';
import type { Association } from './association.schema';
import { recomputeAssociationSummary } from './association-summary';
import { getAssociation } from './association.store';
import { putIfAbsent } from '../db/operations';
import { syncProfileEntries } from './profile-entries';
import { organisationKindOf } from './organisation-kind';

export interface MergeReport {
  interactions: number;
  followUps: number;
  memberships: number;
}

const refuse = (message: Localised) => new ValidationError([{ field: 'survivorId', message }]);

/** Marks the duplicate as being merged; the version the user saw must still be current. */
async function markMerging(
  db: Db,
  workspaceId: string,
  duplicate: Association,
  survivorId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  if (duplicate.mergingInto === survivorId) return; // resuming
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, duplicate.id),
          UpdateExpression: 'SET mergingInto = :survivor, #version = #version + :one',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(mergedInto) AND attribute_not_exists(mergingInto) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':survivor': survivorId,
            ':one': 1,
            ':expected':
              expectedVersion === undefined ? duplicate.version : parseExpectedVersion(expectedVersion),
          },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConflictError();
    throw error;
  }
}

async function deleteItem(db: Db, key: { pk: string; sk: string }): Promise<void> {
  await run(() => db.doc.send(new DeleteCommand({ TableName: db.table, Key: key })));
}

/** Copies every contact, follow-up and role of the duplicate to the survivor, then deletes it. */
async function moveFacts(
  db: Db,
  workspaceId: string,
  duplicate: Association,
  survivor: Association,
): Promise<MergeReport> {
  const report: MergeReport = { interactions: 0, followUps: 0, memberships: 0 };
  const items = await queryAllItems(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.associationPartition(workspaceId, duplicate.id) },
    ConsistentRead: true,
  });
  const moved = { mergedFrom: duplicate.id };
  // The survivor's role periods: the same period recorded in both (same person, role and dates) is kept once.
  const survivorRoles = new Set(
    (
      await queryAll<Membership>(db, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.associationPartition(workspaceId, survivor.id),
          ':prefix': sortKeyPrefixes.membership,
        },
        ConsistentRead: true,
      })
    ).map(samePeriodKey),
  );
  for (const raw of items) {
    const sk = String(raw.sk);
    const key = { pk: String(raw.pk), sk };
    if (sk.startsWith(sortKeyPrefixes.interaction)) {
      const interaction: Interaction = {
        ...stripKeys<Interaction>(raw),
        associationId: survivor.id,
        ...moved,
      };
      await putIfAbsent(db, interactionRefItem(workspaceId, interaction));
      await putIfAbsent(db, interactionItem(workspaceId, interaction));
      // The people's reverse entries (pattern 37) follow it before the original goes.
      await putContactsMet(db, workspaceId, interaction, interaction.deletedAt ? [] : interaction.personIds);
      await deleteItem(db, keys.interactionRef(workspaceId, duplicate.id, interaction.id));
      await deleteItem(db, key);
      report.interactions++;
    } else if (sk.startsWith(sortKeyPrefixes.followUp)) {
      const followUp: FollowUp = { ...stripKeys<FollowUp>(raw), associationId: survivor.id, ...moved };
      await putIfAbsent(db, followUpItem(workspaceId, followUp));
      await deleteItem(db, key);
      report.followUps++;
    } else if (sk.startsWith(sortKeyPrefixes.membership)) {
      const membership: Membership = {
        ...stripKeys<Membership>(raw),
        associationId: survivor.id,
        associationName: survivor.name,
        ...moved,
      };
      // Every other role period moves, so a person's history in either association is kept.
      if (!survivorRoles.has(samePeriodKey(membership))) {
        await putIfAbsent(db, membershipItem(workspaceId, membership));
      }
      await run(() =>
        db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: keys.association(workspaceId, survivor.id),
            UpdateExpression: 'ADD memberNames :name',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':name': new Set([membership.personName]) },
          }),
        ),
      );
      await deleteItem(db, key);
      report.memberships++;
    }
  }
  return report;
}

/** What makes two role periods the same: the person, the role and its dates. */
function samePeriodKey(m: Membership): string {
  return [m.personId, m.role, m.startDate ?? '', m.endDate ?? ''].join('|');
}

/** The duplicate leaves the directory, the pipeline and the municipality lists; the survivor lists it. */
async function finishMerge(db: Db, workspaceId: string, duplicate: Association, survivorId: string) {
  const now = db.now().toISOString();
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, survivorId),
        UpdateExpression: 'SET mergedFromIds = list_append(if_not_exists(mergedFromIds, :empty), :ids)',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(mergedFromIds, :id)',
        ExpressionAttributeValues: { ':empty': [], ':ids': [duplicate.id], ':id': duplicate.id },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error; // already listed: a resumed merge
  });
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, duplicate.id),
        UpdateExpression:
          'SET mergedInto = :survivor, mergedAt = :now, archivedAt = if_not_exists(archivedAt, :now), ' +
          'openFollowUpCount = :zero REMOVE mergingInto, nextFollowUpDue, lastContactAt, gsi1pk, gsi1sk, gsi2pk, gsi2sk',
        ConditionExpression: 'mergingInto = :survivor',
        ExpressionAttributeValues: { ':survivor': survivorId, ':now': now, ':zero': 0 },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error; // finished by an earlier run
  });
  await syncProfileEntries(db, workspaceId, { ...duplicate, mergedInto: survivorId });
}

/**
 * Merges `duplicateId` into `survivorId`, made by `by`. `expectedVersion` is the duplicate's version
 * the user saw (a concurrent edit is a ConflictError); a merge already begun is finished.
 */
export async function mergeAssociations(
  db: Db,
  workspace: Workspace,
  request: { duplicateId: string; survivorId: string; by: string; expectedVersion?: number },
): Promise<MergeReport> {
  const duplicateId = parseId(request.duplicateId, 'duplicateId');
  const survivorId = parseId(request.survivorId, 'survivorId');
  if (duplicateId === survivorId) {
    throw refuse(localised('mergeAssociations.chooseAnotherAssociation'));
  }
  const [duplicate, survivor] = await Promise.all([
    getAssociation(db, workspace.id, duplicateId),
    getAssociation(db, workspace.id, survivorId),
  ]);
  if (duplicate.mergedInto) {
    throw refuse(localised('mergeAssociations.theAssociationHasAlreadyBeen'));
  }
  if (survivor.mergedInto || survivor.mergingInto) {
    throw refuse(localised('mergeAssociations.theTargetHasItselfBeen'));
  }
  if (duplicate.mergingInto && duplicate.mergingInto !== survivorId) {
    throw refuse(localised('mergeAssociations.theAssociationIsAlreadyBeing'));
  }
  // A duplicate is the same organisation: an association and a partner (or two partner kinds)
  // are not, and a partner has no stage for an association's history to follow.
  if (organisationKindOf(duplicate) !== organisationKindOf(survivor) && !duplicate.mergingInto) {
    throw refuse(localised('msg:partnerKind.mergeAcross'));
  }
  await markMerging(db, workspace.id, duplicate, survivorId, request.expectedVersion);
  const report = await moveFacts(db, workspace.id, duplicate, survivor);
  await finishMerge(db, workspace.id, duplicate, survivorId);
  await recomputeAssociationSummary(db, workspace.id, survivorId);
  await recordAudit(db, workspace.id, {
    actorId: request.by,
    action: 'association.merge',
    entityType: 'association',
    entityId: duplicateId,
    associationId: survivorId,
  });
  return report;
}

/** Finishes a merge that a crash interrupted (used by repair). */
export async function finishInterruptedMerge(
  db: Db,
  workspace: Workspace,
  duplicate: Association,
): Promise<boolean> {
  if (!duplicate.mergingInto || duplicate.mergedInto) return false;
  await mergeAssociations(db, workspace, {
    duplicateId: duplicate.id,
    survivorId: duplicate.mergingInto,
    by: 'system',
  });
  return true;
}
