// The entry items derived from an association's profile: its municipality entries (pattern 13), its
// duplicate lookup entries (pattern 34) and its entry under its parent (pattern 40). Every writer of
// a profile syncs them after the write;
// a crash between the two is healed by the next write, a retry, or `repair`.
import type { Db } from '../db/client';
import type { Association } from './association.schema';
import { duplicateEntryItems, syncDuplicateEntries, type DuplicateFacts } from './association-duplicates';
import { municipalityEntryItems, syncMunicipalityEntries } from './municipality-index';
import { parentEntryItems, syncParentEntries } from './parent-association';

type ProfileFacts = DuplicateFacts & Pick<Association, 'id' | 'mergedInto' | 'parentId'>;

/** Every entry item of the profile (a seed or a bulk load writes them with it). */
export const profileEntryItems = (workspaceId: string, association: ProfileFacts) => [
  ...municipalityEntryItems(workspaceId, association),
  ...duplicateEntryItems(workspaceId, association),
  ...parentEntryItems(workspaceId, association),
];

/** Makes every kind of entry match the profile; how many of each it wrote or removed. */
export async function syncProfileEntries(
  db: Db,
  workspaceId: string,
  association: ProfileFacts,
): Promise<{ municipality: number; duplicate: number; parent: number }> {
  const municipality = await syncMunicipalityEntries(db, workspaceId, association);
  const duplicate = await syncDuplicateEntries(db, workspaceId, association);
  const parent = await syncParentEntries(db, workspaceId, association);
  return { municipality, duplicate, parent };
}
