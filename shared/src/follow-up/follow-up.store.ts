// Data access for follow-ups: open ones of an association (4c), mine (5) and the team's (6).
// The "open" index keys exist only while a follow-up is open (sparse indexes).
import { z } from 'zod';
import { staffIdSchema } from '../ids';
import { parseId, parseInput } from '../validation';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import {
  countUpTo,
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
import { putIfAbsent } from '../db/operations';
import { helsinkiMonth } from '../time/helsinki';
import { openInDueOrder, type DueRange } from './follow-up';
import { FOLLOW_UP_SCHEMA_VERSION, type FollowUp, type FollowUpInput } from './follow-up.schema';

export function followUpItem(workspaceId: string, followUp: FollowUp): Record<string, unknown> {
  return {
    ...keys.followUp(workspaceId, followUp.associationId, followUp.id),
    ...(followUp.status === 'open'
      ? keys.openFollowUpIndexes(workspaceId, followUp.assigneeId, followUp.due, followUp.id)
      : followUp.status === 'done' && followUp.completedAt
        ? keys.doneFollowUpMonth(
            workspaceId,
            helsinkiMonth(new Date(followUp.completedAt)),
            followUp.completedAt,
            followUp.id,
          )
        : {}),
    type: 'followUp',
    ...followUp,
  };
}

/** Writes a validated follow-up; a retry with the same id writes nothing new. */
export async function putFollowUp(
  db: Db,
  workspaceId: string,
  input: FollowUpInput,
  by: string,
): Promise<FollowUp> {
  const followUp: FollowUp = {
    ...input,
    sv: FOLLOW_UP_SCHEMA_VERSION,
    workspaceId,
    status: 'open',
    version: 1,
    createdAt: db.now().toISOString(),
    createdBy: by,
  };
  const created = await putIfAbsent(db, followUpItem(workspaceId, followUp));
  return created ? followUp : getFollowUp(db, workspaceId, input.associationId, input.id);
}

export async function getFollowUp(
  db: Db,
  workspaceId: string,
  associationId: string,
  id: string,
): Promise<FollowUp> {
  parseId(associationId, 'associationId');
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.followUp(workspaceId, associationId, id),
        ConsistentRead: true,
      }),
    ),
  );
  if (!result.Item) throw new NotFoundError(localised('followUpStore.followUpNotFound'));
  return stripKeys<FollowUp>(result.Item);
}

/**
 * Marks an open follow-up done and drops it from the open indexes. Completing it again with the
 * same interaction is a no-op (a retried "log the call that closes it"); otherwise a follow-up
 * that is no longer open is a ValidationError, and one changed since `expectedVersion` a ConflictError.
 */
export async function completeFollowUp(
  db: Db,
  workspaceId: string,
  request: {
    associationId: string;
    id: string;
    by: string;
    interactionId?: string;
    /** A short note of how it went, on the association's timeline (not a contact). */
    note?: string;
    /** The version the user saw: an open follow-up changed since is a ConflictError. */
    expectedVersion?: number;
  },
): Promise<void> {
  const now = db.now().toISOString();
  const done = keys.doneFollowUpMonth(workspaceId, helsinkiMonth(db.now()), now, request.id);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.followUp(workspaceId, request.associationId, request.id),
          // Out of the open indexes, into the month it was done in.
          UpdateExpression:
            'SET #status = :done, completedAt = :now, completedBy = :by, #version = #version + :one, ' +
            'gsi2pk = :donePk, gsi2sk = :doneSk' +
            (request.interactionId ? ', completedByInteractionId = :interaction' : '') +
            (request.note ? ', completionNote = :note' : '') +
            ' REMOVE gsi1pk, gsi1sk',
          ConditionExpression:
            'attribute_exists(pk) AND #status = :open' +
            (request.expectedVersion === undefined ? '' : ' AND #version = :expected'),
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':open': 'open',
            ':now': now,
            ':by': request.by,
            ':one': 1,
            ':donePk': done.gsi2pk,
            ':doneSk': done.gsi2sk,
            ...(request.interactionId ? { ':interaction': request.interactionId } : {}),
            ...(request.note ? { ':note': request.note } : {}),
            ...(request.expectedVersion === undefined ? {} : { ':expected': request.expectedVersion }),
          },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    const current = await getFollowUp(db, workspaceId, request.associationId, request.id);
    if (request.interactionId !== undefined && current.completedByInteractionId === request.interactionId)
      return;
    if (current.status === 'open') throw new ConflictError();
    throw new ValidationError([{ field: 'followUpId', message: localised('msg:followUp.notOpen') }]);
  }
}

/** Pattern 4c: the open follow-ups of one association, earliest due first. Bounded per association. */
export async function listOpenFollowUpsOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<FollowUp[]> {
  parseId(associationId);
  const items = await queryAll<FollowUp>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.followUp,
      ':open': 'open',
    },
    ConsistentRead: true,
  });
  return openInDueOrder(items);
}

/** Pattern 5: my open follow-ups by due date (overdue first). */
export function listMyOpenFollowUps(
  db: Db,
  workspaceId: string,
  userId: string,
  page: PageRequest = {},
): Promise<Page<FollowUp>> {
  parseInput(z.object({ userId: staffIdSchema }), { userId });
  return queryPage<FollowUp>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.myOpenFollowUpsPartition(workspaceId, userId) },
    },
    { scope: `my-open:${workspaceId}:${userId}`, ...page },
  );
}

/** Pattern 6: the team's open follow-ups by due date. */
export function listTeamOpenFollowUps(
  db: Db,
  workspaceId: string,
  page: PageRequest = {},
): Promise<Page<FollowUp>> {
  return queryPage<FollowUp>(
    db,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.teamOpenFollowUpsPartition(workspaceId) },
    },
    { scope: `team-open:${workspaceId}`, ...page },
  );
}

/** Whose open follow-ups a list shows: one staff member's, the team's own (no assignee), or all. */
export type OpenFollowUpOwner = { userId: string } | 'teamTasks' | 'everyone';

/** Most index entries a group's count examines (patterns 5 and 6): beyond it the page says "1000+". */
export const OPEN_COUNT_CAP = 1000;

/**
 * The query of `owner`'s open follow-ups due in `range` (pattern 5 for one staff member or the team's
 * tasks, 6 for everyone); undefined when the range holds no date (the rest of the week on a Sunday).
 */
function openFollowUpsDueQuery(workspaceId: string, owner: OpenFollowUpOwner, range: DueRange) {
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) return undefined;
  if (typeof owner === 'object') parseInput(z.object({ userId: staffIdSchema }), owner);
  const [index, pk] =
    owner === 'everyone'
      ? (['gsi2', keys.teamOpenFollowUpsPartition(workspaceId)] as const)
      : owner === 'teamTasks'
        ? (['gsi1', keys.teamTasksOpenPartition(workspaceId)] as const)
        : (['gsi1', keys.myOpenFollowUpsPartition(workspaceId, owner.userId)] as const);
  // Sort keys are `DUE#<date>#<id>`; `$` sorts just after `#`, so `DUE#<date>$` ends the day.
  const from = range.from === undefined ? undefined : `DUE#${range.from}#`;
  const to = range.to === undefined ? undefined : `DUE#${range.to}$`;
  const condition =
    from !== undefined && to !== undefined
      ? ' AND #sk BETWEEN :from AND :to'
      : from !== undefined
        ? ' AND #sk >= :from'
        : to !== undefined
          ? ' AND #sk < :to'
          : '';
  return {
    scope: `open:${workspaceId}:${typeof owner === 'object' ? owner.userId : owner}:${range.from ?? ''}:${range.to ?? ''}`,
    input: {
      IndexName: index,
      KeyConditionExpression: `#pk = :pk${condition}`,
      ExpressionAttributeNames: { '#pk': `${index}pk`, ...(condition ? { '#sk': `${index}sk` } : {}) },
      ExpressionAttributeValues: {
        ':pk': pk,
        ...(from !== undefined && condition.includes(':from') ? { ':from': from } : {}),
        ...(to !== undefined && condition.includes(':to') ? { ':to': to } : {}),
      },
    },
  };
}

/** Patterns 5 and 6 by due date: a page of `owner`'s open follow-ups due in `range`, earliest first. */
export async function listOpenFollowUpsDue(
  db: Db,
  workspaceId: string,
  owner: OpenFollowUpOwner,
  range: DueRange,
  page: PageRequest = {},
): Promise<Page<FollowUp>> {
  const query = openFollowUpsDueQuery(workspaceId, owner, range);
  if (!query) return { items: [] };
  return queryPage<FollowUp>(db, query.input, { scope: query.scope, ...page });
}

/**
 * Patterns 5 and 6, counted: how many of `owner`'s open follow-ups are due in `range`, examining at
 * most OPEN_COUNT_CAP index entries (`more`: there are more than `count`).
 */
export async function countOpenFollowUpsDue(
  db: Db,
  workspaceId: string,
  owner: OpenFollowUpOwner,
  range: DueRange,
): Promise<{ count: number; more: boolean }> {
  const query = openFollowUpsDueQuery(workspaceId, owner, range);
  if (!query) return { count: 0, more: false };
  return countUpTo(db, query.input, OPEN_COUNT_CAP);
}

/** Pattern 6, bounded: the team's open follow-ups due on or before a date (daily reminders). */
export function listTeamOpenFollowUpsDueBy(db: Db, workspaceId: string, date: string): Promise<FollowUp[]> {
  return queryAll<FollowUp>(db, {
    IndexName: 'gsi2',
    // `$` sorts just after `#`: every `DUE#<date>#<id>` of the day is below the bound.
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :end',
    ExpressionAttributeValues: {
      ':pk': keys.teamOpenFollowUpsPartition(workspaceId),
      ':end': `DUE#${date}$`,
    },
  });
}

/** Pattern 32: a page of the follow-ups completed in a Helsinki month (`YYYY-MM`), in time order (reports). */
export function listFollowUpsDoneInMonth(
  db: Db,
  workspaceId: string,
  month: string,
  page: PageRequest = {},
): Promise<Page<FollowUp>> {
  return queryPage<FollowUp>(
    db,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.doneFollowUpMonthPartition(workspaceId, month) },
    },
    { scope: `done:${workspaceId}:${month}`, ...page },
  );
}
