// An association's umbrella (kattojärjestö: the liitto or piiri it belongs to) and, the other way,
// an umbrella's member associations. The parent is chosen on the profile form by the start of its
// name (no read of the directory: a prefix query of pattern 2); an entry item per association with
// a parent (pattern 40) lists the members, derived from the profile and synced after every write.
import type { Db } from '../db/client';
import { batchGetAll, queryPage, syncEntryItems, type Page, type PageRequest } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { ValidationError } from '../errors';
import { localised, type PlainMessageKey } from '../i18n/messages';
import { isId } from '../ids';
import { finnishCollationKey, tidyName } from '../text/finnish-collation';
import type { Association } from './association.schema';
import { isPartner } from './organisation-kind';

/** How many umbrellas up an association may sit (a liitto › piiri › yhdistys › alaosasto is 3). */
const MAX_DEPTH = 10;

type ParentFacts = Pick<Association, 'id' | 'name' | 'parentId' | 'mergedInto'>;

export function parentEntryItems(workspaceId: string, association: ParentFacts): Record<string, unknown>[] {
  // A merged duplicate is no umbrella's member.
  if (!association.parentId || association.mergedInto) return [];
  return [
    {
      ...keys.parentEntry(
        workspaceId,
        association.id,
        association.parentId,
        finnishCollationKey(association.name),
      ),
      type: 'parentEntry',
      sv: 1,
      associationId: association.id,
      parentId: association.parentId,
    },
  ];
}

/** Makes the association's entry match its profile; how many entries it wrote or removed. */
export function syncParentEntries(db: Db, workspaceId: string, association: ParentFacts): Promise<number> {
  return syncEntryItems(
    db,
    { pk: keys.associationPartition(workspaceId, association.id), prefix: sortKeyPrefixes.parentEntry },
    parentEntryItems(workspaceId, association),
  );
}

export type MemberAssociation = Pick<Association, 'id' | 'name' | 'frame' | 'kind' | 'archivedAt'>;

/** Pattern 40: an umbrella's member associations in Finnish order, a page at a time. */
export async function listMemberAssociations(
  db: Db,
  workspaceId: string,
  parentId: string,
  page: PageRequest = {},
): Promise<Page<MemberAssociation>> {
  const entries = await queryPage<{ associationId: string }>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.childrenPartition(workspaceId, parentId) },
    },
    { scope: `children:${workspaceId}:${parentId}`, ...page },
  );
  const ids = entries.items.map((entry) => entry.associationId);
  const found = await batchGetAll(
    db,
    ids.map((id) => keys.association(workspaceId, id)),
    {
      expression: 'id, #name, frame, #kind, archivedAt, parentId',
      names: { '#name': 'name', '#kind': 'kind' },
    },
  );
  const profiles = new Map(found.map((item) => [String(item.id), item]));
  // An index lags its profile: an entry whose profile names another parent now is left out.
  const items = ids.flatMap((id) => {
    const profile = profiles.get(id);
    return profile && profile.parentId === parentId ? [stripKeys<MemberAssociation>(profile)] : [];
  });
  return entries.cursor ? { items, cursor: entries.cursor } : { items };
}

/** Associations whose name starts with `start` (pattern 2 by prefix), at most `limit`. */
export async function associationsByNameStart(
  db: Db,
  workspaceId: string,
  start: string,
  limit = 10,
): Promise<Pick<Association, 'id' | 'name' | 'municipalities' | 'kind'>[]> {
  const prefix = finnishCollationKey(tidyName(start));
  if (!prefix) return [];
  const page = await queryPage<Association>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.directoryPartition(workspaceId), ':prefix': prefix },
    },
    { scope: `directory-start:${workspaceId}:${prefix}`, limit },
  );
  return page.items.map((a) => ({ id: a.id, name: a.name, municipalities: a.municipalities, kind: a.kind }));
}

/** What the profile form's parent field asks for: a parent, none, or a choice among several. */
export type ParentChoice =
  | { kind: 'chosen'; parentId: string }
  | { kind: 'choose'; candidates: Pick<Association, 'id' | 'name' | 'municipalities'>[] };

const parentError = (message: PlainMessageKey) =>
  new ValidationError([{ field: 'parentName', message: localised(message) }]);

/**
 * Reads the form's parent field: `parentChoice` (a candidate picked after a question), else the
 * typed `parentName` — kept as it was when it is the stored parent's name (`parentId`), empty for
 * none, else the associations whose name starts with it: one is the parent, several are asked about.
 * `parentId: ''` means no parent. Refuses an unknown start with a field message.
 */
export async function parentFromForm(
  db: Db,
  workspaceId: string,
  selfId: string,
  values: Record<string, unknown>,
): Promise<ParentChoice> {
  const choice = values.parentChoice;
  if (typeof choice === 'string' && isId(choice)) return { kind: 'chosen', parentId: choice };
  const typed = typeof values.parentName === 'string' ? tidyName(values.parentName) : '';
  if (typed === '') return { kind: 'chosen', parentId: '' };
  const kept = values.parentId;
  if (typeof kept === 'string' && isId(kept) && values.parentNameShown === typed) {
    return { kind: 'chosen', parentId: kept };
  }
  const found = (await associationsByNameStart(db, workspaceId, typed, 11)).filter(
    (a) => a.id !== selfId && !isPartner(a),
  );
  const exact = found.filter((a) => finnishCollationKey(a.name) === finnishCollationKey(typed));
  if (exact.length === 1) return { kind: 'chosen', parentId: (exact[0] as { id: string }).id };
  if (found.length === 1) return { kind: 'chosen', parentId: (found[0] as { id: string }).id };
  if (found.length === 0) throw parentError('msg:parent.notFound');
  return { kind: 'choose', candidates: found.slice(0, 10) };
}

/**
 * The rule of a parent: an association (not a partner, not merged away, not itself) whose own
 * umbrellas do not lead back to the association (no cycle). Reads one profile per level.
 */
export async function checkParent(
  db: Db,
  workspaceId: string,
  selfId: string,
  parentId: string | undefined,
): Promise<void> {
  if (parentId === undefined) return;
  if (parentId === selfId) throw parentError('msg:parent.self');
  let current: string | undefined = parentId;
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    const [profile] = await batchGetAll(db, [keys.association(workspaceId, current)], {
      expression: 'id, #kind, parentId, mergedInto',
      names: { '#kind': 'kind' },
    });
    if (!profile || profile.mergedInto) {
      if (depth === 0) throw parentError('msg:parent.notFound');
      return;
    }
    if (depth === 0 && isPartner(profile as { kind?: string })) throw parentError('msg:parent.partner');
    const next = profile.parentId as string | undefined;
    if (next === selfId) throw parentError('msg:parent.cycle');
    current = next;
  }
}
