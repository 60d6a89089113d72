// Likely duplicates of an association, found before one is created by hand or imported: the same
// Y-tunnus, the same register number, or a similar name in any of the same municipalities. Each
// association keeps one small lookup entry per duplicate key (pattern 34), derived from its
// profile and rewritten after every change, so the check reads a few entries, never the directory.
// The same entries hold the association's phone number and e-mail address for the directory search
// (contactKeys), which the duplicate check never reads.
import type { Db } from '../db/client';
import { batchGetAll, queryPage, syncEntryItems } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { tidyName } from '../text/finnish-collation';
import { normalisedPhone } from '../text/phone';
import type { Association } from './association.schema';

/** Why two associations look like the same one, strongest first. */
export const duplicateReasons = ['ytunnus', 'registerNumber', 'name'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export type DuplicateFacts = Pick<Association, 'name' | 'municipalities' | 'ytunnus' | 'registerNumber'> &
  Partial<Pick<Association, 'phone' | 'email'>>;

/**
 * The one rule of "a similar name": case, spacing and punctuation do not count, nor does the
 * legal suffix "ry" however it is written ("ry", "r.y.", "r. y."). "Kuopion Sydänyhdistys ry" and
 * "kuopion sydän-yhdistys r.y." are similar; ä and ö stay letters of their own.
 */
export function similarNameKey(name: string): string {
  return tidyName(name)
    .normalize('NFC')
    .toLocaleLowerCase('fi')
    .replace(/(^|[\s,])r\.?\s*y\.?$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const municipalityKey = (municipality: string) => tidyName(municipality).toLocaleLowerCase('fi');

/** The duplicate keys of an association: identifiers, then the name in each of its municipalities. */
export function duplicateKeys(a: DuplicateFacts): { reason: DuplicateReason; key: string }[] {
  const name = similarNameKey(a.name);
  const municipalities = [...new Set(a.municipalities.map(municipalityKey))].filter(Boolean);
  return [
    ...(a.ytunnus ? [{ reason: 'ytunnus' as const, key: `y:${a.ytunnus}` }] : []),
    ...(a.registerNumber ? [{ reason: 'registerNumber' as const, key: `r:${a.registerNumber}` }] : []),
    ...(name ? municipalities.map((m) => ({ reason: 'name' as const, key: `n:${name}|${m}` })) : []),
  ];
}

/**
 * Keys that find an association by how it is reached (its phone number in E.164 form, its e-mail
 * address): lookup entries beside the duplicate keys, read by the directory search, never a reason
 * to call two associations duplicates (an umbrella body may share its number with its sections).
 */
export function contactKeys(a: Partial<Pick<Association, 'phone' | 'email'>>): string[] {
  const phone = a.phone ? normalisedPhone(a.phone) : undefined;
  const email = a.email?.trim().toLocaleLowerCase('fi');
  return [...(phone ? [`p:${phone}`] : []), ...(email ? [`e:${email}`] : [])];
}

/**
 * The lookup keys a directory search text can stand for: an e-mail address, a Y-tunnus, a register
 * number or a phone number typed in any common way. Ordinary words stand for none.
 */
export function lookupKeysOfSearch(text: string): string[] {
  const q = text.trim();
  if (q.includes('@')) return [`e:${q.toLocaleLowerCase('fi')}`];
  if (/^\d{7}-\d$/.test(q)) return [`y:${q}`];
  const found: string[] = [];
  if (/^\d+(\.\d+)+$/.test(q) || /^\d{3,}$/.test(q)) found.push(`r:${q}`);
  const digits = q.replace(/\D/g, '');
  if (/^[\d\s()+\-./]+$/.test(q) && digits.length >= 5) {
    const phone = normalisedPhone(q);
    if (phone) found.push(`p:${phone}`);
  }
  return found;
}

export function duplicateEntryItems(
  workspaceId: string,
  association: DuplicateFacts & Pick<Association, 'id' | 'mergedInto'>,
): Record<string, unknown>[] {
  // A merged duplicate is nobody's duplicate any more: its survivor is.
  if (association.mergedInto) return [];
  return [...duplicateKeys(association).map(({ key }) => key), ...contactKeys(association)].map((key) => ({
    ...keys.duplicateEntry(workspaceId, association.id, key),
    type: 'duplicateEntry',
    sv: 1,
    associationId: association.id,
  }));
}

/** Makes the association's lookup entries match its profile; returns how many it changed. */
export function syncDuplicateEntries(
  db: Db,
  workspaceId: string,
  association: DuplicateFacts & Pick<Association, 'id' | 'mergedInto'>,
): Promise<number> {
  return syncEntryItems(
    db,
    { pk: keys.associationPartition(workspaceId, association.id), prefix: sortKeyPrefixes.duplicateEntry },
    duplicateEntryItems(workspaceId, association),
  );
}

export interface LikelyDuplicate {
  id: string;
  name: string;
  municipalities: string[];
  archived: boolean;
  reasons: DuplicateReason[];
}

/** How many associations one key may name before the rest are left out (a key is rarely shared). */
const PER_KEY = 10;

/**
 * Pattern 34: the associations that look like `candidate` (`except` is the candidate's own id, so
 * a resubmitted create does not warn about itself). One query per key (at most 22), then one batch
 * read of the names; strongest reason first, then by name.
 */
export async function findLikelyDuplicates(
  db: Db,
  workspaceId: string,
  candidate: DuplicateFacts,
  except?: string,
): Promise<LikelyDuplicate[]> {
  const reasonsById = new Map<string, Set<DuplicateReason>>();
  for (const { reason, key } of duplicateKeys(candidate)) {
    const entries = await queryPage<{ associationId: string }>(
      db,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.duplicatePartition(workspaceId, key) },
      },
      { scope: `duplicate:${workspaceId}`, limit: PER_KEY },
    );
    for (const { associationId } of entries.items) {
      if (associationId === except) continue;
      const reasons = reasonsById.get(associationId) ?? new Set();
      reasons.add(reason);
      reasonsById.set(associationId, reasons);
    }
  }
  if (reasonsById.size === 0) return [];
  const profiles = await batchGetAll(
    db,
    [...reasonsById.keys()].map((id) => keys.association(workspaceId, id)),
    {
      expression: 'id, #name, municipalities, archivedAt, mergedInto',
      names: { '#name': 'name' },
    },
  );
  const strength = (reasons: DuplicateReason[]) =>
    Math.min(...reasons.map((r) => duplicateReasons.indexOf(r)));
  return profiles
    .filter((profile) => profile.mergedInto === undefined)
    .map((profile) => ({
      id: String(profile.id),
      name: String(profile.name),
      municipalities: (profile.municipalities as string[] | undefined) ?? [],
      archived: profile.archivedAt !== undefined,
      reasons: duplicateReasons.filter((r) => reasonsById.get(String(profile.id))?.has(r)),
    }))
    .sort((a, b) => strength(a.reasons) - strength(b.reasons) || a.name.localeCompare(b.name, 'fi'));
}
