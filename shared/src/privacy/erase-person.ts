// GDPR erasure of one person: every item and index that holds their data is rewritten or
// removed (event registrations stay as anonymous counts). Order for a crash and retry: a tombstone (ids only) first, then the person's traces in
// each association (search names, interactions' people lists, membership), the profile last,
// because a retry needs the profile's name to find the search entries.
import { localised } from '../i18n/messages';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { isConditionalFailure, queryAll, run } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { NotFoundError } from '../errors';
import type { Interaction } from '../interaction/interaction.schema';
import { listContactMetEntries, removeContactMetEntries } from '../interaction/contacts-met.store';
import type { Membership, Person } from '../person/person.schema';
import { parseId } from '../validation';
import type { Registration } from '../event/event.schema';
import { listRegistrationsOfPerson } from '../event/event.store';

export interface ErasureRecord {
  personId: string;
  erasedAt: string;
  erasedBy: string;
}

export async function getErasure(
  db: Db,
  workspaceId: string,
  personId: string,
): Promise<ErasureRecord | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.erasure(workspaceId, personId), ConsistentRead: true }),
    ),
  );
  return result.Item as ErasureRecord | undefined;
}

/** The memberships of a person, read from the associations' side through the person index. */
export function membershipsOfPerson(db: Db, workspaceId: string, personId: string): Promise<Membership[]> {
  return queryAll<Membership>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.personPartition(workspaceId, personId),
      ':prefix': sortKeyPrefixes.membership,
    },
  });
}

/** Interactions of an association that name the person among the people met. */
export async function interactionsWithPerson(
  db: Db,
  workspaceId: string,
  associationId: string,
  personId: string,
): Promise<Interaction[]> {
  return queryAll<Interaction>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'contains(personIds, :person)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.interaction,
      ':person': personId,
    },
  });
}

async function removeFromInteraction(
  db: Db,
  workspaceId: string,
  interaction: Interaction,
  personId: string,
): Promise<void> {
  const index = interaction.personIds.indexOf(personId);
  if (index < 0) return;
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.interaction(
            workspaceId,
            interaction.associationId,
            interaction.occurredAt,
            interaction.id,
          ),
          // The list position is checked, so a concurrent edit of the list cannot make us drop
          // someone else; the count keeps a "removed person" placeholder on the timeline.
          UpdateExpression: `REMOVE personIds[${index}] ADD erasedPeople :one, version :one`,
          ConditionExpression: `personIds[${index}] = :person`,
          ExpressionAttributeValues: { ':person': personId, ':one': 1 },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    throw new Error('The people of an interaction changed during erasure; run the erasure again.', {
      cause: error,
    });
  }
}

async function removeSearchName(
  db: Db,
  workspaceId: string,
  associationId: string,
  person: Person,
): Promise<void> {
  const others = await queryAll<Membership>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.membership,
    },
  });
  // Another member with the same name keeps the name searchable.
  if (others.some((other) => other.personId !== person.id && other.personName === person.name)) return;
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, associationId),
        UpdateExpression: 'DELETE memberNames :name',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':name': new Set([person.name]) },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error;
  });
}

export interface ErasureReport {
  memberships: number;
  interactions: number;
  registrations: number;
}

/** An event registration of the person stays as a count (attended or not), without who it was. */
async function anonymiseRegistration(db: Db, workspaceId: string, registration: Registration, at: string) {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.registration(workspaceId, registration.eventId, registration.id),
        UpdateExpression:
          'SET #name = :removed, erasedAt = :at, #version = #version + :one ' +
          'REMOVE personId, email, dietary, accessibility, gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#name': 'name', '#version': 'version' },
        ExpressionAttributeValues: { ':removed': '–', ':at': at, ':one': 1 },
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error;
  });
}

export async function erasePerson(
  db: Db,
  workspaceId: string,
  input: { personId: unknown; by: string },
): Promise<ErasureReport> {
  const personId = parseId(input.personId);
  const profile = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.person(workspaceId, personId), ConsistentRead: true }),
    ),
  );
  if (!profile.Item) {
    if (await getErasure(db, workspaceId, personId))
      return { memberships: 0, interactions: 0, registrations: 0 };
    throw new NotFoundError(localised('personStore.personNotFound'));
  }
  const person = profile.Item as Person;
  const erasedAt = db.now().toISOString();
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.erasure(workspaceId, personId),
          type: 'erasure',
          personId,
          erasedAt,
          erasedBy: input.by,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  ).catch((error: unknown) => {
    if (!isConditionalFailure(error)) throw error;
  });

  const report: ErasureReport = { memberships: 0, interactions: 0, registrations: 0 };
  for (const registration of await listRegistrationsOfPerson(db, workspaceId, personId)) {
    await anonymiseRegistration(db, workspaceId, registration, erasedAt);
    report.registrations += 1;
  }
  // A person may hold several role periods in one association: its copies are cleaned once.
  const memberships = await membershipsOfPerson(db, workspaceId, personId);
  for (const associationId of new Set(memberships.map((m) => m.associationId))) {
    await removeSearchName(db, workspaceId, associationId, person);
    for (const interaction of await interactionsWithPerson(db, workspaceId, associationId, personId)) {
      await removeFromInteraction(db, workspaceId, interaction, personId);
      report.interactions += 1;
    }
  }
  for (const membership of memberships) {
    const { pk, sk } = keys.membership(workspaceId, membership.associationId, personId, membership.id);
    await run(() => db.doc.send(new DeleteCommand({ TableName: db.table, Key: { pk, sk } })));
    report.memberships += 1;
  }
  // The reverse entries of the contacts met (pattern 37), found in the person's own partition.
  const met = await listContactMetEntries(db, workspaceId, personId);
  await removeContactMetEntries(
    db,
    workspaceId,
    met.map((entry) => ({ id: entry.interactionId, occurredAt: entry.occurredAt })),
    personId,
  );
  await run(() =>
    db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.person(workspaceId, personId) })),
  );
  await recordAudit(db, workspaceId, {
    actorId: input.by,
    action: 'person.erase',
    entityType: 'person',
    entityId: personId,
  });
  return report;
}
