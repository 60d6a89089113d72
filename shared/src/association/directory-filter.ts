// Directory filters, pure: the filter schema, the entry the directory shows, matching and sorting.
// Used by the directory search (directory-search.ts) and by campaigns, which choose associations
// with the same filter.
import { z } from 'zod';
import { lineText } from '../schema-helpers';
import { compareFinnish } from '../text/finnish-collation';
import { addMonths, helsinkiDate } from '../time/helsinki';
import { associationFrames, type Association } from './association.schema';
import { ASSOCIATION_KIND, ANY_PARTNER, matchesKindFilter, partnerKindCodeSchema } from './organisation-kind';

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const directoryFilterSchema = z.object({
  q: optionalParam(lineText().max(100)),
  municipality: optionalParam(lineText().max(60)),
  frame: optionalParam(z.enum(associationFrames)),
  /** `association`, `partner` (every partner kind) or one partner kind's code. */
  kind: optionalParam(
    z.union([z.literal(ASSOCIATION_KIND), z.literal(ANY_PARTNER), partnerKindCodeSchema], {
      message: 'msg:partnerKind.unknown',
    }),
  ),
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
  /** Absent on items stored before kinds: an association (organisationKindOf). */
  kind?: string | undefined;
  municipalities: string[];
  targetGroups: string[];
  /** A partner has no stage. */
  stage?: string | undefined;
  stageEnteredAt?: string | undefined;
  lastContactAt?: string;
  nextFollowUpDue?: string;
  openFollowUpCount: number;
  archivedAt?: string;
  memberNames: string[];
}

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
  if (filter.kind && !matchesKindFilter(entry.kind ?? ASSOCIATION_KIND, filter.kind)) return false;
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
  const { q, frame, kind, targetGroup, noContactMonths, openFollowUps, archived, sort } = filter;
  const indexedFilters = [filter.municipality, filter.stage].filter(Boolean).length;
  return Boolean(
    q ||
    frame ||
    kind ||
    targetGroup ||
    noContactMonths ||
    openFollowUps ||
    archived ||
    sort !== 'name' ||
    indexedFilters > 1,
  );
}
