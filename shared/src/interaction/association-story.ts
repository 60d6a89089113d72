// Pattern 41: an association's timeline as a story, newest first: its contacts (attended events are
// contacts too), its tarjotin stage changes, and the tasks created and completed on it. The facts
// live under different sort keys, so a page is a merge of three reads behind one signed cursor:
// a page of contacts (INT#, newest first), a page of stage changes (STAGE#, newest first) and the
// association's follow-ups (FOLLOWUP#, read whole: bounded per association, as pattern 4c; a
// follow-up made as a contact was logged shows with that contact). No
// entry is written beside the facts, so there is nothing to rebuild and nothing to drift.
//
// The merge takes the newest head of the three sources until the page is full. A source whose read
// stopped at the page limit may hold more entries just past what it returned, so the merge also
// stops when such a source runs out: nothing is ever shown out of order or skipped. The cursor
// keeps, per source, where to continue (null: that source is done).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from '../db/client';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { queryAll, run, type PageRequest } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ValidationError } from '../errors';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { localised } from '../i18n/messages';
import type { StageChange } from '../pipeline/pipeline.schema';
import { parseId } from '../validation';
import type { Interaction } from './interaction.schema';

export type StoryEntry =
  /** A contact, with the follow-ups made as it was logged (not cancelled). */
  | { kind: 'contact'; at: string; interaction: Interaction; followUps: FollowUp[] }
  | { kind: 'stage'; at: string; change: StageChange }
  | { kind: 'taskCreated'; at: string; task: FollowUp }
  | { kind: 'taskDone'; at: string; task: FollowUp };

export interface StoryPage {
  entries: StoryEntry[];
  /** Every follow-up of the association, as read for this page (its open ones need no read of their own). */
  followUps: FollowUp[];
  /** The cursor of the next (older) page; absent on the last page. */
  cursor?: string;
}

export const STORY_PAGE_SIZE = 20;

/** Where a source goes on: '' from its newest entry, a position to continue after, null done. */
const positionSchema = z.string().max(400).nullable();
const storyCursorSchema = z.object({ c: positionSchema, s: positionSchema, t: positionSchema });
type StoryCursor = z.output<typeof storyCursorSchema>;

const START: StoryCursor = { c: '', s: '', t: '' };

/** Ties at the same instant: what a contact led to (a stage change, a task done or made) is newer. */
const RANK = { contact: '0', stage: '1', taskDone: '2', taskCreated: '3' } as const;

function entryId(entry: StoryEntry): string {
  switch (entry.kind) {
    case 'contact':
      return entry.interaction.id;
    case 'stage':
      return String(entry.change.seq).padStart(8, '0');
    default:
      return entry.task.id;
  }
}

/** The total order of the story (greater is newer). */
export function storyOrderKey(entry: StoryEntry): string {
  return `${entry.at}|${RANK[entry.kind]}|${entryId(entry)}`;
}

/**
 * The task entries of an association's follow-ups, newest first; cancelled ones are left out, and
 * one made as a contact was logged is shown with that contact rather than created on its own.
 */
export function taskEntries(followUps: readonly FollowUp[]): StoryEntry[] {
  return followUps
    .filter((task) => task.status !== 'cancelled')
    .flatMap((task): StoryEntry[] => [
      ...(task.interactionId === undefined
        ? [{ kind: 'taskCreated' as const, at: task.createdAt, task }]
        : []),
      ...(task.status === 'done' && task.completedAt
        ? [{ kind: 'taskDone' as const, at: task.completedAt, task }]
        : []),
    ])
    .sort((a, b) => storyOrderKey(b).localeCompare(storyOrderKey(a)));
}

function readCursor(db: Db, scope: string, cursor: string | undefined): StoryCursor {
  const decoded = decodeCursor(db.cursorSecret, scope, cursor);
  if (decoded === undefined) return START;
  const parsed = storyCursorSchema.safeParse(decoded);
  if (!parsed.success)
    throw new ValidationError([{ field: 'cursor', message: localised('msg:cursor.invalid') }]);
  return parsed.data;
}

interface SourceRead {
  entries: StoryEntry[];
  /** The sort key of each entry (for the position after it). */
  positions: string[];
  /** Where the read stopped at its limit: more may follow it. */
  lastEvaluated?: string;
}

const NOTHING: SourceRead = { entries: [], positions: [] };

/**
 * One page of a newest-first query under the association's partition, after `position`, as story
 * entries (`filter` leaves items out after the limit has counted them).
 */
async function readSource(
  db: Db,
  query: { partition: string; prefix: string; position: string | null; limit: number; filter?: string },
  toEntry: (item: Record<string, unknown>) => StoryEntry,
): Promise<SourceRead> {
  if (query.position === null) return NOTHING;
  const result = await run(() =>
    db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': query.partition, ':prefix': query.prefix },
        ...(query.filter ? { FilterExpression: query.filter } : {}),
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: query.limit,
        ...(query.position ? { ExclusiveStartKey: { pk: query.partition, sk: query.position } } : {}),
      }),
    ),
  );
  const items = result.Items ?? [];
  const lastSk = result.LastEvaluatedKey?.sk;
  return {
    entries: items.map(toEntry),
    positions: items.map((item) => String(item.sk)),
    ...(typeof lastSk === 'string' ? { lastEvaluated: lastSk } : {}),
  };
}

const contactEntry = (item: Record<string, unknown>): StoryEntry => {
  const interaction = stripKeys<Interaction>(item);
  return { kind: 'contact', at: interaction.occurredAt, interaction, followUps: [] };
};

const stageEntry = (item: Record<string, unknown>): StoryEntry => {
  const change = stripKeys<StageChange>(item);
  return { kind: 'stage', at: change.at, change };
};

/** Every follow-up of the association (bounded per association, as pattern 4c). */
function readFollowUps(db: Db, partition: string): Promise<FollowUp[]> {
  return queryAll<FollowUp>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': partition, ':prefix': sortKeyPrefixes.followUp },
    ConsistentRead: true,
  });
}

function taskSource(followUps: readonly FollowUp[], position: string | null): SourceRead {
  if (position === null) return NOTHING;
  const entries = taskEntries(followUps).filter(
    (entry) => position === '' || storyOrderKey(entry) < position,
  );
  return { entries, positions: entries.map(storyOrderKey) };
}

/** Where a source continues after a page that took `taken` of its entries. */
function nextPosition(read: SourceRead, taken: number, position: string | null): string | null {
  if (position === null) return null;
  if (taken < read.entries.length) return taken === 0 ? position : read.positions[taken - 1]!;
  // Every entry it returned is shown: it goes on after what it evaluated, or it is done.
  return read.lastEvaluated ?? null;
}

/**
 * Pattern 41: one page of an association's story, newest first (3 reads a page, whatever the size
 * of its history). A page may hold fewer entries than asked when a read stopped at deleted
 * contacts; the cursor still moves on.
 */
export async function listAssociationStory(
  db: Db,
  workspaceId: string,
  associationId: string,
  page: PageRequest = {},
): Promise<StoryPage> {
  parseId(associationId);
  const scope = `story:${workspaceId}:${associationId}`;
  const limit = Math.min(Math.max(page.limit ?? STORY_PAGE_SIZE, 1), 100);
  const from = readCursor(db, scope, page.cursor);
  const partition = keys.associationPartition(workspaceId, associationId);
  // The follow-ups are read on every page: a contact shows the follow-ups made with it.
  const [contacts, stages, followUps] = await Promise.all([
    readSource(
      db,
      {
        partition,
        prefix: sortKeyPrefixes.interaction,
        position: from.c,
        limit,
        filter: 'attribute_not_exists(deletedAt)',
      },
      contactEntry,
    ),
    readSource(db, { partition, prefix: sortKeyPrefixes.stageChange, position: from.s, limit }, stageEntry),
    readFollowUps(db, partition),
  ]);
  const tasks = taskSource(followUps, from.t);
  const madeWith = new Map<string, FollowUp[]>();
  for (const task of followUps) {
    if (task.interactionId === undefined || task.status === 'cancelled') continue;
    madeWith.set(task.interactionId, [...(madeWith.get(task.interactionId) ?? []), task]);
  }
  const sources = [contacts, stages, tasks];
  const taken = [0, 0, 0];
  const entries: StoryEntry[] = [];
  while (entries.length < limit) {
    // A source that may have more just past what it returned: its next entry is unknown.
    if (sources.some((source, i) => taken[i] === source.entries.length && source.lastEvaluated)) break;
    let newest = -1;
    sources.forEach((source, i) => {
      const head = source.entries[taken[i]!];
      if (!head) return;
      const best = newest < 0 ? undefined : sources[newest]!.entries[taken[newest]!];
      if (!best || storyOrderKey(head) > storyOrderKey(best)) newest = i;
    });
    if (newest < 0) break;
    const entry = sources[newest]!.entries[taken[newest]!]!;
    entries.push(
      entry.kind === 'contact' ? { ...entry, followUps: madeWith.get(entry.interaction.id) ?? [] } : entry,
    );
    taken[newest]! += 1;
  }
  const next: StoryCursor = {
    c: nextPosition(contacts, taken[0]!, from.c),
    s: nextPosition(stages, taken[1]!, from.s),
    t: nextPosition(tasks, taken[2]!, from.t),
  };
  const done = next.c === null && next.s === null && next.t === null;
  const cursor = done ? undefined : encodeCursor(db.cursorSecret, scope, next);
  return cursor === undefined ? { entries, followUps } : { entries, followUps, cursor };
}
