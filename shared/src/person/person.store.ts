// Data access for people and memberships: person profile (10), people of an association (4a),
// associations of a person (4b). A person is stored once; memberships link both ways.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import {
  batchGetAll,
  isConditionalFailure,
  queryAll,
  queryPage,
  run,
  type Page,
  type PageRequest,
} from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { finnishCollationKey, tidyName } from '../text/finnish-collation';
import { parseExpectedVersion, parseId, parseInput } from '../validation';
import { getActiveAssociation } from '../association/association.store';
import { putIfAbsent } from '../db/operations';
import {
  MEMBERSHIP_SCHEMA_VERSION,
  PERSON_SCHEMA_VERSION,
  membershipInputSchema,
  personInputSchema,
  type Membership,
  type Person,
} from './person.schema';

export function personItem(workspaceId: string, person: Person): Record<string, unknown> {
  return {
    ...keys.person(workspaceId, person.id),
    ...keys.peopleDirectory(workspaceId, finnishCollationKey(person.name), person.id),
    type: 'person',
    ...person,
  };
}

/**
 * Pattern 36: the people of the workspace in Finnish name order, a page at a time; with `prefix`,
 * those whose name starts with it (case and accents as the directory's collation folds them).
 */
export function listPeople(
  db: Db,
  workspaceId: string,
  options: PageRequest & { prefix?: string | undefined } = {},
): Promise<Page<Person>> {
  const prefix = finnishCollationKey(tidyName(options.prefix ?? ''));
  return queryPage<Person>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': keys.peoplePartition(workspaceId),
        ...(prefix ? { ':prefix': prefix } : {}),
      },
    },
    { scope: `people:${workspaceId}:${prefix}`, cursor: options.cursor, limit: options.limit },
  );
}

export function membershipItem(workspaceId: string, membership: Membership): Record<string, unknown> {
  return {
    ...keys.membership(workspaceId, membership.associationId, membership.personId, membership.id),
    type: 'membership',
    ...membership,
  };
}

export async function createPerson(
  db: Db,
  workspaceId: string,
  request: { id: string; input: unknown },
): Promise<Person> {
  const id = parseId(request.id);
  const input = parseInput(personInputSchema, request.input);
  const now = db.now().toISOString();
  const person: Person = {
    ...input,
    sv: PERSON_SCHEMA_VERSION,
    id,
    workspaceId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const created = await putIfAbsent(db, personItem(workspaceId, person));
  return created ? person : getPerson(db, workspaceId, id);
}

export async function getPerson(db: Db, workspaceId: string, id: string): Promise<Person> {
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.person(workspaceId, id), ConsistentRead: true }),
    ),
  );
  if (!result.Item) throw new NotFoundError(localised('personStore.personNotFound'));
  return stripKeys<Person>(result.Item);
}

/** Pattern 4a for one person: their role periods in the association, current and former (read consistently). */
export async function rolesOfPersonInAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
  personId: string,
): Promise<Membership[]> {
  return queryAll<Membership>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': keys.rolesOfPersonPrefix(personId),
    },
    ConsistentRead: true,
  });
}

/**
 * Gives a person a role in an association from `startDate`: a role period of its own, so one person
 * may hold several roles at once and over time. The client-made `id` makes a resubmit add one; the
 * same role held now (not ended) is refused, so a board is not listed twice by accident.
 */
export async function addMembership(db: Db, workspaceId: string, input: unknown): Promise<Membership> {
  const parsed = parseInput(membershipInputSchema, input);
  const [person, association, roles] = await Promise.all([
    getPerson(db, workspaceId, parsed.personId),
    getActiveAssociation(db, workspaceId, parsed.associationId),
    rolesOfPersonInAssociation(db, workspaceId, parsed.associationId, parsed.personId),
  ]);
  const same = roles.find((role) => role.id === parsed.id);
  if (same) return same;
  if (!parsed.endDate && roles.some((role) => role.role === parsed.role && !role.endDate)) {
    throw new ValidationError([{ field: 'role', message: localised('msg:role.alreadyHeld') }]);
  }
  const membership: Membership = {
    ...parsed,
    sv: MEMBERSHIP_SCHEMA_VERSION,
    personName: person.name,
    associationName: association.name,
    createdAt: db.now().toISOString(),
  };
  await putIfAbsent(db, membershipItem(workspaceId, membership));
  // The association's search text learns the person's name (a set: adding twice is harmless).
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, parsed.associationId),
        UpdateExpression: 'ADD memberNames :name',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':name': new Set([person.name]) },
      }),
    ),
  );
  return membership;
}

/** Pattern 4a: the people of an association. */
export function listMembersOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
  page: PageRequest = {},
): Promise<Page<Membership>> {
  parseId(associationId);
  return queryPage<Membership>(
    db,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.associationPartition(workspaceId, associationId),
        ':prefix': sortKeyPrefixes.membership,
      },
    },
    { scope: `members:${workspaceId}:${associationId}`, ...page },
  );
}

/** Pattern 4b: the associations a person belongs to. */
export function listAssociationsOfPerson(
  db: Db,
  workspaceId: string,
  personId: string,
  page: PageRequest = {},
): Promise<Page<Membership>> {
  parseId(personId);
  return queryPage<Membership>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.personPartition(workspaceId, personId),
        ':prefix': sortKeyPrefixes.membership,
      },
    },
    { scope: `person-associations:${workspaceId}:${personId}`, ...page },
  );
}

export const personPrivacyEditSchema = personInputSchema.pick({
  email: true,
  phone: true,
  notes: true,
  objected: true,
  lawfulBasis: true,
});

/**
 * Edits a person's contact details and privacy fields (the name is copied into memberships and
 * search, so it is not edited here). Checks the version the editor saw.
 */
export async function updatePersonDetails(
  db: Db,
  workspaceId: string,
  request: { id: unknown; expectedVersion: number; input: unknown },
): Promise<Person> {
  const id = parseId(request.id);
  const input = parseInput(personPrivacyEditSchema, request.input);
  const sets = ['objected = :objected', 'updatedAt = :now'];
  const removes: string[] = [];
  const values: Record<string, unknown> = {
    ':objected': input.objected,
    ':now': db.now().toISOString(),
    ':expected': parseExpectedVersion(request.expectedVersion),
    ':one': 1,
  };
  for (const field of ['email', 'phone', 'notes', 'lawfulBasis'] as const) {
    const value = input[field];
    if (value === undefined) removes.push(field);
    else {
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.person(workspaceId, id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''} ADD version :one`,
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: values,
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) {
      await getPerson(db, workspaceId, id);
      throw new ConflictError();
    }
    throw error;
  }
  return getPerson(db, workspaceId, id);
}

/** Several people by id in one batch read (e.g. the phone numbers of an association's people). */
export async function getPeople(db: Db, workspaceId: string, ids: readonly string[]): Promise<Person[]> {
  const unique = [...new Set(ids.map((id) => parseId(id)))];
  const items = await batchGetAll(
    db,
    unique.map((id) => keys.person(workspaceId, id)),
  );
  return items.map((item) => stripKeys<Person>(item));
}

/**
 * Of `personIds`, those who are or have been in a role in the association (a role that has ended
 * counts: a former chair met last spring is still a person met). One query of the association's
 * role periods (pattern 4a: a board's worth of items), only their person ids.
 */
export async function membersOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  const wanted = new Set(personIds);
  if (wanted.size === 0) return new Set();
  const items = await queryAll<{ personId: string }>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.membership,
    },
    ProjectionExpression: 'personId',
    ConsistentRead: true,
  });
  return new Set(items.map((item) => String(item.personId)).filter((id) => wanted.has(id)));
}

/**
 * The reference rule of a contact's people met: each must be or have been a member of the
 * association. Fails with a ValidationError on `field` (nothing is written by the caller then).
 */
export async function assertMembersOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
  personIds: readonly string[],
  field = 'personIds',
): Promise<void> {
  const members = await membersOfAssociation(db, workspaceId, associationId, personIds);
  if (personIds.some((id) => !members.has(id))) {
    throw new ValidationError([{ field, message: localised('msg:personIds.notMember') }]);
  }
}
