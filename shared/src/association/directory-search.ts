// Directory search and filters. Pure part: the filter schema, matching and sorting. The default
// view and the stage or municipality filter are served from indexes; free text and the other filters read the
// workspace's association summaries (a projection of the directory index) and filter in code.
import { z } from 'zod';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { run } from '../db/operations';
import { keys } from '../db/table';
import { compareFinnish } from '../text/finnish-collation';
import { addMonths, helsinkiDate } from '../time/helsinki';
import { lineText } from '../schema-helpers';
import { parseInput } from '../validation';
import { listAssociationsInStage, listDirectory } from './association.store';
import { listAssociationsInMunicipality } from './municipality-index';
import { associationFrames, type Association } from './association.schema';

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const directoryFilterSchema = z.object({
  q: optionalParam(lineText().max(100)),
  municipality: optionalParam(lineText().max(60)),
  frame: optionalParam(z.enum(associationFrames)),
  targetGroup: optionalParam(lineText().max(60)),
  stage: optionalParam(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'msg:stage.unknown' })),
  noContactMonths: optionalParam(z.coerce.number().int().min(1).max(60)),
  openFollowUps: optionalParam(z.enum(['yes'])),
  archived: optionalParam(z.enum(['include'])),
  sort: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? 'name' : v),
    z.enum(['name', 'lastContact']),
  ),
});
export type DirectoryFilter = z.output<typeof directoryFilterSchema>;

/** The fields of an association the directory shows and filters on. */
export interface DirectoryEntry {
  id: string;
  name: string;
  frame: Association['frame'];
  municipalities: string[];
  targetGroups: string[];
  stage: string;
  stageEnteredAt: string;
  lastContactAt?: string;
  nextFollowUpDue?: string;
  openFollowUpCount: number;
  archivedAt?: string;
  memberNames: string[];
}

const entryFields = [
  'id',
  'name',
  'frame',
  'municipalities',
  'targetGroups',
  'stage',
  'stageEnteredAt',
  'lastContactAt',
  'nextFollowUpDue',
  'openFollowUpCount',
  'archivedAt',
  'memberNames',
];

/** Case- and accent-aware search text: ä and ö stay letters of their own (Finnish), case folds. */
export function searchText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('fi').replace(/\s+/g, ' ').trim();
}

export function matchesFilter(entry: DirectoryEntry, filter: DirectoryFilter, now: Date): boolean {
  if (!filter.archived && entry.archivedAt) return false;
  if (filter.q) {
    const words = searchText(filter.q).split(' ');
    const haystack = searchText([entry.name, ...entry.municipalities, ...entry.memberNames].join(' '));
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  if (filter.municipality && !entry.municipalities.includes(filter.municipality)) return false;
  if (filter.frame && entry.frame !== filter.frame) return false;
  if (filter.targetGroup && !entry.targetGroups.includes(filter.targetGroup)) return false;
  if (filter.stage && entry.stage !== filter.stage) return false;
  if (filter.openFollowUps && entry.openFollowUpCount === 0) return false;
  if (filter.noContactMonths) {
    const since = addMonths(helsinkiDate(now), -filter.noContactMonths);
    if (entry.lastContactAt && helsinkiDate(new Date(entry.lastContactAt)) >= since) return false;
  }
  return true;
}

export function sortEntries(entries: DirectoryEntry[], sort: DirectoryFilter['sort']): DirectoryEntry[] {
  return sort === 'name'
    ? entries.sort((a, b) => compareFinnish(a.name, b.name) || a.id.localeCompare(b.id))
    : entries.sort(
        (a, b) =>
          (b.lastContactAt ?? '').localeCompare(a.lastContactAt ?? '') || compareFinnish(a.name, b.name),
      );
}

/** True when the filter needs the summaries; otherwise an index serves the page. */
export function needsSummaries(filter: DirectoryFilter): boolean {
  const { q, frame, targetGroup, noContactMonths, openFollowUps, archived, sort } = filter;
  const indexedFilters = [filter.municipality, filter.stage].filter(Boolean).length;
  return Boolean(
    q ||
    frame ||
    targetGroup ||
    noContactMonths ||
    openFollowUps ||
    archived ||
    sort !== 'name' ||
    indexedFilters > 1,
  );
}

function toEntry(item: Record<string, unknown>): DirectoryEntry {
  const names = item.memberNames;
  return {
    ...(item as unknown as DirectoryEntry),
    targetGroups: (item.targetGroups as string[] | undefined) ?? [],
    memberNames:
      names instanceof Set ? [...(names as Set<string>)] : Array.isArray(names) ? (names as string[]) : [],
  };
}

/** Every association's directory entry (one projected query of the directory index, paged). */
export async function readDirectoryEntries(db: Db, workspaceId: string): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await run(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.directoryPartition(workspaceId) },
          ProjectionExpression: entryFields.map((_, i) => `#f${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(entryFields.map((field, i) => [`#f${i}`, field])),
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) entries.push(toEntry(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}

export interface DirectoryPage {
  entries: DirectoryEntry[];
  /** Number of matches, when the summaries were read (the default view has no cheap total). */
  total?: number;
  cursor?: string;
  servedBy: 'directory-index' | 'stage-index' | 'municipality-index' | 'summaries';
}

export async function searchDirectory(
  db: Db,
  workspaceId: string,
  rawFilter: unknown,
  page: { cursor?: string | undefined; limit: number },
): Promise<DirectoryPage> {
  const filter = parseInput(directoryFilterSchema, rawFilter);
  if (!needsSummaries(filter)) {
    const result = filter.stage
      ? await listAssociationsInStage(db, workspaceId, filter.stage, page)
      : filter.municipality
        ? await listAssociationsInMunicipality(db, workspaceId, filter.municipality, page)
        : await listDirectory(db, workspaceId, page);
    const entries = result.items
      .map((item) => toEntry(item as unknown as Record<string, unknown>))
      .filter((entry) => !entry.archivedAt);
    return {
      entries,
      ...(result.cursor ? { cursor: result.cursor } : {}),
      servedBy: filter.stage ? 'stage-index' : filter.municipality ? 'municipality-index' : 'directory-index',
    };
  }
  const scope = `search:${workspaceId}:${JSON.stringify(filter)}`;
  const offset = Number(decodeCursor(db.cursorSecret, scope, page.cursor)?.offset ?? 0);
  const matches = sortEntries(
    (await readDirectoryEntries(db, workspaceId)).filter((entry) => matchesFilter(entry, filter, db.now())),
    filter.sort,
  );
  const next = offset + page.limit;
  const cursor = next < matches.length ? encodeCursor(db.cursorSecret, scope, { offset: next }) : undefined;
  return {
    entries: matches.slice(offset, next),
    total: matches.length,
    ...(cursor ? { cursor } : {}),
    servedBy: 'summaries',
  };
}
