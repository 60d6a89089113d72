// The municipality filter of the directory, served from an index: one small entry item per
// municipality of an association, sorted by the Finnish collation key, then one batch read of
// the profiles. Entries are derived from the profile and rewritten after every change to it.
import type { Db } from '../db/client';
import { batchGetAll, queryPage, syncEntryItems, type Page, type PageRequest } from '../db/operations';
import { keys, sortKeyPrefixes, stripKeys } from '../db/table';
import { finnishCollationKey } from '../text/finnish-collation';
import type { Association } from './association.schema';

export function municipalityEntryItems(
  workspaceId: string,
  association: Pick<Association, 'id' | 'name' | 'municipalities' | 'mergedInto'>,
): Record<string, unknown>[] {
  // A merged duplicate is in no municipality's list.
  if (association.mergedInto) return [];
  const collationKey = finnishCollationKey(association.name);
  return [...new Set(association.municipalities)].map((municipality) => ({
    ...keys.municipalityEntry(workspaceId, association.id, municipality, collationKey),
    type: 'municipalityEntry',
    sv: 1,
    associationId: association.id,
    municipality,
  }));
}

/**
 * Makes the association's entries match its profile: missing ones written, stale ones removed.
 * Returns how many entries it wrote or removed (0 when they already matched).
 */
export function syncMunicipalityEntries(
  db: Db,
  workspaceId: string,
  association: Pick<Association, 'id' | 'name' | 'municipalities' | 'mergedInto'>,
): Promise<number> {
  return syncEntryItems(
    db,
    { pk: keys.associationPartition(workspaceId, association.id), prefix: sortKeyPrefixes.municipalityEntry },
    municipalityEntryItems(workspaceId, association),
  );
}

/** Pattern 13: the associations of a municipality in Finnish order, a page at a time. */
export async function listAssociationsInMunicipality(
  db: Db,
  workspaceId: string,
  municipality: string,
  page: PageRequest = {},
): Promise<Page<Association>> {
  const entries = await queryPage<{ associationId: string }>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.municipalityPartition(workspaceId, municipality) },
    },
    { scope: `municipality:${workspaceId}:${municipality}`, ...page },
  );
  const ids = entries.items.map((entry) => entry.associationId);
  const found = await batchGetAll(
    db,
    ids.map((id) => keys.association(workspaceId, id)),
  );
  const profiles = new Map(found.map((item) => [String(item.id), stripKeys<Association>(item)]));
  const items = ids
    .map((id) => profiles.get(id))
    .filter((profile): profile is Association => profile !== undefined);
  return entries.cursor ? { items, cursor: entries.cursor } : { items };
}
