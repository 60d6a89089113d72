// Correcting or deleting a logged contact later. Deletion is soft (deletedAt/deletedBy stay on the
// item, the timeline leaves it out); both check the version the user saw and then recompute the
// association's summary, since the last contact may change.
import { localised } from '../i18n/messages';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { recomputeAssociationSummary } from '../association/association-summary';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { ConflictError, NotFoundError } from '../errors';
import { idSchema } from '../ids';
import { expectedVersionSchema, parseInput } from '../validation';
import { interactionFieldsSchema, outcomeFitsKind, type Interaction } from './interaction.schema';
import { getInteractionRef } from './interaction.store';
import { putContactsMet, removeContactsMet } from './contacts-met.store';
import { assertMembersOfAssociation } from '../person/person.store';

const targetSchema = z.object({
  associationId: idSchema,
  id: idSchema,
  expectedVersion: expectedVersionSchema,
});

const notFound = () => new NotFoundError(localised('correctInteraction.contactNotFound'));

async function interactionKey(db: Db, workspaceId: string, associationId: string, id: string) {
  const ref = await getInteractionRef(db, workspaceId, associationId, id);
  if (!ref) throw notFound();
  return keys.interaction(workspaceId, associationId, ref.occurredAt, id);
}

export async function getInteraction(
  db: Db,
  workspaceId: string,
  associationId: string,
  id: string,
): Promise<Interaction> {
  const key = await interactionKey(db, workspaceId, associationId, id);
  const result = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true })),
  );
  if (!result.Item || result.Item.deletedAt) throw notFound();
  return stripKeys<Interaction>(result.Item);
}

/** The fields a correction may change; the time stays (it is part of the timeline's order). */
const correctionSchema = interactionFieldsSchema.pick({
  kind: true,
  outcome: true,
  durationMinutes: true,
  personIds: true,
  topics: true,
  notes: true,
});

async function update(
  db: Db,
  workspaceId: string,
  target: z.output<typeof targetSchema>,
  expression: {
    sets: string[];
    removes?: string[];
    values: Record<string, unknown>;
    names?: Record<string, string>;
  },
): Promise<Interaction> {
  const key = await interactionKey(db, workspaceId, target.associationId, target.id);
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: `SET ${expression.sets.join(', ')}${expression.removes?.length ? ` REMOVE ${expression.removes.join(', ')}` : ''}`,
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version', ...expression.names },
          ExpressionAttributeValues: { ':expected': target.expectedVersion, ...expression.values },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    await recomputeAssociationSummary(db, workspaceId, target.associationId);
    return stripKeys<Interaction>(result.Attributes ?? {});
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    await getInteraction(db, workspaceId, target.associationId, target.id);
    throw new ConflictError();
  }
}

export async function correctInteraction(
  db: Db,
  workspaceId: string,
  input: unknown,
  by: string,
): Promise<Interaction> {
  const target = parseInput(targetSchema, input);
  const correction = parseInput(
    correctionSchema.refine((c) => outcomeFitsKind(c.kind, c.outcome), {
      message: 'msg:outcome.kind',
      path: ['outcome'],
    }),
    input,
  );
  // People met follow the reference rule; only those the correction adds are checked, so a
  // contact whose people were valid when it was logged can always be corrected.
  const current = await getInteraction(db, workspaceId, target.associationId, target.id);
  const added = correction.personIds.filter((personId) => !(current.personIds ?? []).includes(personId));
  await assertMembersOfAssociation(db, workspaceId, target.associationId, added);
  // Reverse entries (pattern 37) of the people met go before the fact (rewritten, so one a crash
  // lost comes back), those of the people removed after it: a cut-short correction leaves an
  // entry the person page skips, never a gap.
  await putContactsMet(db, workspaceId, current, correction.personIds);
  const sets = [
    '#version = #version + :one',
    'updatedAt = :now',
    'updatedBy = :by',
    'kind = :kind',
    'personIds = :people',
    'topics = :topics',
  ];
  const removes: string[] = [];
  const values: Record<string, unknown> = {
    ':one': 1,
    ':now': db.now().toISOString(),
    ':by': by,
    ':kind': correction.kind,
    ':people': correction.personIds,
    ':topics': correction.topics,
  };
  for (const field of ['outcome', 'durationMinutes', 'notes'] as const) {
    const value = correction[field];
    if (value === undefined) removes.push(field);
    else {
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  const corrected = await update(db, workspaceId, target, { sets, removes, values });
  const removed = (current.personIds ?? []).filter((personId) => !correction.personIds.includes(personId));
  await removeContactsMet(db, workspaceId, current, removed);
  return corrected;
}

export async function deleteInteraction(
  db: Db,
  workspaceId: string,
  input: unknown,
  by: string,
): Promise<void> {
  const target = parseInput(targetSchema, input);
  const deleted = await update(db, workspaceId, target, {
    sets: ['#version = #version + :one', 'deletedAt = :now', 'deletedBy = :by'],
    values: { ':one': 1, ':now': db.now().toISOString(), ':by': by },
  });
  await removeContactsMet(db, workspaceId, deleted, deleted.personIds ?? []);
}
