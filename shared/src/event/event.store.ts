// Data access for events: the event with its registrations and feedback in one partition (28),
// events by date (27), a person's registrations (29), and the public feedback link (30).
import { localised } from '../i18n/messages';
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getActiveAssociation } from '../association/association.store';
import { putIfAbsent } from '../db/operations';
import type { Db } from '../db/client';
import { isConditionalFailure, queryAll, queryAllItems, run } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { getPerson } from '../person/person.store';
import { parseExpectedVersion, parseId, parseInput } from '../validation';
import {
  defaultLikertQuestions,
  defaultOpenQuestions,
  EVENT_SCHEMA_VERSION,
  eventInputSchema,
  REGISTRATION_SCHEMA_VERSION,
  registrationInputSchema,
  type Event,
  type Feedback,
  type Registration,
} from './event.schema';

const eventNotFound = () => new NotFoundError(localised('eventStore.eventNotFound'));

export const feedbackTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function eventItem(workspaceId: string, event: Event): Record<string, unknown> {
  return {
    ...keys.event(workspaceId, event.id),
    ...keys.eventList(workspaceId, event.date, event.id),
    type: 'event',
    ...event,
  };
}

export function registrationItem(workspaceId: string, registration: Registration): Record<string, unknown> {
  return {
    ...keys.registration(workspaceId, registration.eventId, registration.id),
    ...(registration.personId
      ? keys.registrationOfPerson(workspaceId, registration.personId, registration.eventId, registration.id)
      : {}),
    type: 'registration',
    ...registration,
  };
}

export function feedbackItem(workspaceId: string, feedback: Feedback): Record<string, unknown> {
  return { ...keys.feedback(workspaceId, feedback.eventId, feedback.id), type: 'feedback', ...feedback };
}

export function feedbackLinkItem(workspaceId: string, event: Pick<Event, 'id' | 'feedbackToken'>) {
  return {
    ...keys.feedbackLink(feedbackTokenHash(event.feedbackToken)),
    type: 'feedbackLink',
    sv: 1,
    workspaceId,
    eventId: event.id,
  };
}

/** Creates an event with the default questions and its public feedback link (open from the start). */
export async function createEvent(
  db: Db,
  workspaceId: string,
  request: { id: string; input: unknown; by: string },
): Promise<Event> {
  const id = parseId(request.id);
  const input = parseInput(eventInputSchema, request.input);
  const event: Event = {
    ...input,
    sv: EVENT_SCHEMA_VERSION,
    id,
    workspaceId,
    questions: [...defaultLikertQuestions],
    openQuestions: [...defaultOpenQuestions],
    feedbackToken: randomBytes(24).toString('base64url'),
    feedbackOpen: true,
    version: 1,
    createdAt: db.now().toISOString(),
    createdBy: request.by,
  };
  if (!(await putIfAbsent(db, eventItem(workspaceId, event)))) return getEvent(db, workspaceId, id);
  await putIfAbsent(db, feedbackLinkItem(workspaceId, event));
  return event;
}

export async function getEvent(db: Db, workspaceId: string, id: string): Promise<Event> {
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.event(workspaceId, id), ConsistentRead: true }),
    ),
  );
  if (!result.Item) throw eventNotFound();
  return stripKeys<Event>(result.Item);
}

/** Pattern 27: events from `from` to `to` (dates, inclusive), by date. */
export function listEvents(
  db: Db,
  workspaceId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Event[]> {
  const from = range.from ?? '0000-00-00';
  // `$` sorts after `#`: every `<date>#<id>` of the last day is below the bound.
  const to = `${range.to ?? '9999-99-99'}$`;
  return queryAll<Event>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.eventListPartition(workspaceId), ':from': from, ':to': to },
  });
}

export interface EventWithDetails {
  event: Event;
  registrations: Registration[];
  feedback: Feedback[];
}

/** Pattern 28: the event, its registrations and its feedback, in one query. */
export async function getEventWithDetails(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<EventWithDetails> {
  parseId(id);
  const items = await queryAllItems(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.eventPartition(workspaceId, id) },
    ConsistentRead: true,
  });
  const profile = items.find((item) => item.sk === 'EVENT');
  if (!profile) throw eventNotFound();
  const of = <T>(prefix: string) =>
    items.filter((item) => String(item.sk).startsWith(prefix)).map((item) => stripKeys<T>(item));
  return {
    event: stripKeys<Event>(profile),
    registrations: of<Registration>(sortKeyPrefixes.registration).sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    ),
    feedback: of<Feedback>(sortKeyPrefixes.feedback),
  };
}

/** Edits an event's details (not its questions) on the version the editor saw. */
export async function updateEvent(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; input: unknown },
): Promise<void> {
  const id = parseId(request.id);
  const input = parseInput(eventInputSchema, request.input);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = {
    ':one': 1,
    ':gsi1sk': keys.eventList(workspaceId, input.date, id).gsi1sk,
  };
  const sets = ['#version = #version + :one', 'gsi1sk = :gsi1sk'];
  const removes: string[] = [];
  for (const field of Object.keys(eventInputSchema.shape) as (keyof typeof input)[]) {
    names[`#${field}`] = field;
    if (input[field] === undefined) removes.push(`#${field}`);
    else {
      values[`:${field}`] = input[field];
      sets.push(`#${field} = :${field}`);
    }
  }
  await versionedUpdate(db, keys.event(workspaceId, id), request.expectedVersion, {
    expression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    names,
    values,
  });
}

/** Opens or closes the public feedback link. */
export function setFeedbackOpen(
  db: Db,
  workspaceId: string,
  request: { id: string; expectedVersion: number; open: boolean },
): Promise<void> {
  return versionedUpdate(db, keys.event(workspaceId, parseId(request.id)), request.expectedVersion, {
    expression: 'SET feedbackOpen = :open, #version = #version + :one',
    names: { '#version': 'version' },
    values: { ':open': request.open, ':one': 1 },
  });
}

async function versionedUpdate(
  db: Db,
  key: { pk: string; sk: string },
  expectedVersion: number,
  update: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
): Promise<void> {
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: update.expression,
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
          ExpressionAttributeNames: { ...update.names, '#version': 'version' },
          ExpressionAttributeValues: { ...update.values, ':expected': parseExpectedVersion(expectedVersion) },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    throw new ConflictError();
  }
}

/**
 * Registers someone for an event: a person of Kohtaamo (their name is taken from the person), or
 * a name typed in, with or without an association. A retried request registers nobody twice.
 */
export async function addRegistration(
  db: Db,
  workspaceId: string,
  request: { eventId: string; id: string; input: unknown; by: string },
): Promise<Registration> {
  const eventId = parseId(request.eventId);
  const id = parseId(request.id);
  const input = parseInput(registrationInputSchema, request.input);
  await getEvent(db, workspaceId, eventId);
  if (input.associationId) await getActiveAssociation(db, workspaceId, input.associationId);
  const person = input.personId ? await getPerson(db, workspaceId, input.personId) : undefined;
  const name = input.name ?? person?.name;
  if (!name) {
    throw new ValidationError([
      {
        field: 'name',
        message: localised('eventStore.giveTheNameOfThe'),
      },
    ]);
  }
  const registration: Registration = {
    sv: REGISTRATION_SCHEMA_VERSION,
    id,
    eventId,
    workspaceId,
    name,
    ...(input.associationId ? { associationId: input.associationId } : {}),
    ...(input.personId ? { personId: input.personId } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.dietary ? { dietary: input.dietary } : {}),
    ...(input.accessibility ? { accessibility: input.accessibility } : {}),
    attended: false,
    version: 1,
    createdAt: db.now().toISOString(),
    createdBy: request.by,
  };
  await putIfAbsent(db, registrationItem(workspaceId, registration));
  return registration;
}

/** Cancels a registration (removes it, with its needs). */
export async function removeRegistration(
  db: Db,
  workspaceId: string,
  request: { eventId: string; id: string; expectedVersion: number },
): Promise<void> {
  try {
    await run(() =>
      db.doc.send(
        new DeleteCommand({
          TableName: db.table,
          Key: keys.registration(workspaceId, parseId(request.eventId), parseId(request.id)),
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected AND attended = :false',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':expected': parseExpectedVersion(request.expectedVersion),
            ':false': false,
          },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    throw new ConflictError(localised('eventStore.theRegistrationCouldNotBe'));
  }
}

/** Marks one registration attended or not, on the version the user saw. */
export function setAttended(
  db: Db,
  workspaceId: string,
  request: { eventId: string; id: string; expectedVersion: number; attended: boolean },
): Promise<void> {
  return versionedUpdate(
    db,
    keys.registration(workspaceId, parseId(request.eventId), parseId(request.id)),
    request.expectedVersion,
    {
      expression: 'SET attended = :attended, #version = #version + :one',
      names: { '#version': 'version' },
      values: { ':attended': request.attended, ':one': 1 },
    },
  );
}

/** Pattern 29: the registrations of a person (subject access, erasure). */
export async function listRegistrationsOfPerson(
  db: Db,
  workspaceId: string,
  personId: string,
): Promise<Registration[]> {
  parseId(personId);
  return queryAll<Registration>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.personPartition(workspaceId, personId),
      ':prefix': sortKeyPrefixes.registration,
    },
  });
}

/** Pattern 30: the workspace and event of a public feedback link, if the token is one. */
export async function findFeedbackLink(
  db: Db,
  token: string,
): Promise<{ workspaceId: string; eventId: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  const result = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: keys.feedbackLink(feedbackTokenHash(token)) })),
  );
  return result.Item
    ? { workspaceId: String(result.Item.workspaceId), eventId: String(result.Item.eventId) }
    : undefined;
}
