// Directory search (the filters themselves are pure, in directory-filter.ts). The default
// view and the stage or municipality filter are served from indexes; free text and the other filters
// (the organisation kind among them, like the frame) read the workspace's association summaries (a
// projection of the directory index) and filter in code.
import type { Db } from '../db/client';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { queryAllItems, queryPage } from '../db/operations';
import { keys } from '../db/table';
import { parseInput } from '../validation';
import { lookupKeysOfSearch } from './association-duplicates';
import { listAssociationsInStage, listDirectory } from './association.store';
import { listAssociationsInMunicipality } from './municipality-index';
import {
  directoryFilterSchema,
  matchesFilter,
  needsSummaries,
  sortEntries,
  type DirectoryEntry,
} from './directory-filter';

const entryFields = [
  'id',
  'name',
  'frame',
  'kind',
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
  const items = await queryAllItems(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.directoryPartition(workspaceId) },
    ProjectionExpression: entryFields.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(entryFields.map((field, i) => [`#f${i}`, field])),
  });
  return items.map(toEntry);
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
  // A phone number, e-mail address, Y-tunnus or register number finds its association through the
  // lookup entries (pattern 34), however the number was typed; the other filters still apply.
  const [entries, reachedBy] = await Promise.all([
    readDirectoryEntries(db, workspaceId),
    filter.q ? associationsByLookup(db, workspaceId, filter.q) : Promise.resolve(new Set<string>()),
  ]);
  const withoutText = { ...filter, q: undefined };
  const matches = sortEntries(
    entries.filter(
      (entry) =>
        matchesFilter(entry, filter, db.now()) ||
        (reachedBy.has(entry.id) && matchesFilter(entry, withoutText, db.now())),
    ),
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

/** How many associations one lookup key may name in a search (a number is rarely shared). */
const PER_LOOKUP_KEY = 25;

/** Pattern 34 read by the search: the associations whose lookup entries the text stands for. */
async function associationsByLookup(db: Db, workspaceId: string, text: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const key of lookupKeysOfSearch(text)) {
    const page = await queryPage<{ associationId: string }>(
      db,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.duplicatePartition(workspaceId, key) },
      },
      { scope: `lookup:${workspaceId}`, limit: PER_LOOKUP_KEY },
    );
    for (const entry of page.items) found.add(entry.associationId);
  }
  return found;
}
