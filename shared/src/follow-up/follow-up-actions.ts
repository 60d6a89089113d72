// What staff do to a follow-up from "My tasks" or the association page: create one without a
// contact, complete it without a contact, snooze it, hand it to a colleague, correct its text,
// cancel a mistaken one. Each write checks the version the user saw, then the association's summary
// is recomputed from the facts.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { recomputeAssociationSummary } from '../association/association-summary';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { getActiveAssociation } from '../association/association.store';
import { ConflictError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { idSchema, staffIdSchema } from '../ids';
import { optionalText } from '../schema-helpers';
import { isAssignableMember } from '../user/user.store';
import { expectedVersionSchema, parseInput } from '../validation';
import { calendarDateSchema } from '../time/helsinki';
import { futureDueDateSchema } from './follow-up';
import type { FollowUp } from './follow-up.schema';
import { completeFollowUp, getFollowUp, putFollowUp } from './follow-up.store';

/** An assignee from a form: '' (or none) makes it a team task. */
const assigneeSchema = z.preprocess((v) => (v === '' ? undefined : v), staffIdSchema.optional());

const requiredTitle = optionalText(300).pipe(z.string({ message: 'msg:task.titleRequired' }));

async function checkAssignee(db: Db, workspaceId: string, assigneeId: string): Promise<void> {
  if (!(await isAssignableMember(db, workspaceId, assigneeId))) {
    throw new ValidationError([{ field: 'assigneeId', message: localised('msg:assignee.unknown') }]);
  }
}

/**
 * A task on an association without a contact ("send the tarjotin instructions by Friday"): a
 * follow-up with a title, a due date from today on and an assignee, or none for the team (it shows
 * in the team view and in every staff member's digest). The form's id makes a resubmit
 * create one task.
 */
export async function createTask(db: Db, workspaceId: string, input: unknown, by: string): Promise<FollowUp> {
  const parsed = parseInput(
    z.object({
      id: idSchema,
      associationId: idSchema,
      title: requiredTitle,
      due: futureDueDateSchema(db.now()),
      assigneeId: assigneeSchema,
    }),
    input,
  );
  await getActiveAssociation(db, workspaceId, parsed.associationId);
  if (parsed.assigneeId !== undefined) await checkAssignee(db, workspaceId, parsed.assigneeId);
  const task = await putFollowUp(db, workspaceId, parsed, by);
  await recomputeAssociationSummary(db, workspaceId, parsed.associationId);
  return task;
}

/**
 * Cancels an open follow-up made by mistake: it stays as a record (status cancelled, who and when,
 * kept in the handover) but leaves every open list, and reports never count it.
 */
export async function cancelFollowUp(db: Db, workspaceId: string, input: unknown, by: string): Promise<void> {
  const target = parseInput(targetSchema, input);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.followUp(workspaceId, target.associationId, target.id),
          UpdateExpression:
            'SET #status = :cancelled, cancelledAt = :now, cancelledBy = :by, updatedAt = :now, updatedBy = :by, ' +
            '#version = #version + :one REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected AND #status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':cancelled': 'cancelled',
            ':open': 'open',
            ':now': db.now().toISOString(),
            ':by': by,
            ':one': 1,
            ':expected': target.expectedVersion,
          },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    const current = await getFollowUp(db, workspaceId, target.associationId, target.id);
    if (current.status !== 'open') {
      throw new ValidationError([{ field: 'followUpId', message: localised('msg:followUp.notOpen') }]);
    }
    throw new ConflictError();
  }
  await recomputeAssociationSummary(db, workspaceId, target.associationId);
}

const targetSchema = z.object({
  associationId: idSchema,
  id: idSchema,
  expectedVersion: expectedVersionSchema,
});

/**
 * Marks an open follow-up done (no contact logged), with an optional short note that shows on the
 * association's timeline, and updates the association's summary. The version check is part of the
 * write, so a colleague's change in between is a ConflictError that changes nothing.
 */
export async function closeFollowUp(db: Db, workspaceId: string, input: unknown, by: string): Promise<void> {
  const target = parseInput(targetSchema.extend({ note: optionalText(500) }), input);
  await completeFollowUp(db, workspaceId, {
    associationId: target.associationId,
    id: target.id,
    by,
    expectedVersion: target.expectedVersion,
    ...(target.note ? { note: target.note } : {}),
  });
  await recomputeAssociationSummary(db, workspaceId, target.associationId);
}

/**
 * Moves an open follow-up to a new due date and/or assignee, or corrects its title. The open-list index keys move with
 * it; a stale version is a ConflictError that changes nothing. A changed due date follows the
 * `newDue` rule (today to five years ahead); an overdue one that stays as it was is fine, so an
 * overdue task can still be handed to a colleague.
 */
export async function updateOpenFollowUp(
  db: Db,
  workspaceId: string,
  input: unknown,
  by: string,
): Promise<FollowUp> {
  const parsed = parseInput(
    targetSchema.extend({
      due: calendarDateSchema.optional(),
      // '' hands it to the team; absent leaves it as it is.
      assigneeId: z.union([z.literal(''), staffIdSchema]).optional(),
      title: requiredTitle.optional(),
    }),
    input,
  );
  const current = await getFollowUp(db, workspaceId, parsed.associationId, parsed.id);
  if (parsed.assigneeId && parsed.assigneeId !== current.assigneeId)
    await checkAssignee(db, workspaceId, parsed.assigneeId);
  const title = parsed.title ?? current.title;
  const due = parsed.due ?? current.due;
  if (due !== current.due) parseInput(z.object({ due: futureDueDateSchema(db.now()) }), { due });
  const assigneeId = parsed.assigneeId === '' ? undefined : (parsed.assigneeId ?? current.assigneeId);
  const indexes = keys.openFollowUpIndexes(workspaceId, assigneeId, due, parsed.id);
  let updated: FollowUp;
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.followUp(workspaceId, parsed.associationId, parsed.id),
          UpdateExpression:
            'SET due = :due, ' +
            (assigneeId === undefined ? '' : 'assigneeId = :assignee, ') +
            (title === undefined ? '' : 'title = :title, ') +
            'updatedAt = :now, updatedBy = :by, #version = #version + :one, ' +
            'gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk' +
            (assigneeId === undefined ? ' REMOVE assigneeId' : ''),
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected AND #status = :open',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: {
            ':due': due,
            ...(assigneeId === undefined ? {} : { ':assignee': assigneeId }),
            ...(title === undefined ? {} : { ':title': title }),
            ':now': db.now().toISOString(),
            ':by': by,
            ':one': 1,
            ':expected': parsed.expectedVersion,
            ':open': 'open',
            ':gsi1pk': indexes.gsi1pk,
            ':gsi1sk': indexes.gsi1sk,
            ':gsi2pk': indexes.gsi2pk,
            ':gsi2sk': indexes.gsi2sk,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    updated = stripKeys<FollowUp>(result.Attributes ?? {});
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConflictError();
    throw error;
  }
  await recomputeAssociationSummary(db, workspaceId, parsed.associationId);
  return updated;
}
