// "Merge" for a spreadsheet row that duplicates an association already in Kohtaamo: the row fills
// what the association lacks (empty fields; new municipalities and target groups are added), and
// its contact person joins the association. Nothing the association has is overwritten, so
// running it again changes nothing more.
import {
  editableAssociationFields,
  type Association,
  type AssociationInput,
} from '../association/association.schema';
import { getAssociation, updateAssociationProfile } from '../association/association.store';
import type { Db } from '../db/client';
import { ConflictError } from '../errors';
import { isPartner } from '../association/organisation-kind';

/** The profile input after filling `target`'s gaps from `row`; undefined when nothing changes. */
export function fillGaps(target: Association, row: AssociationInput): AssociationInput | undefined {
  const merged: Record<string, unknown> = {};
  let changed = false;
  for (const field of editableAssociationFields) {
    // A partner has no frame, whatever the row says (organisation-kind.ts).
    if (field === 'frame' && isPartner(target)) continue;
    const current = target[field];
    const incoming = row[field];
    if (Array.isArray(current) || Array.isArray(incoming)) {
      const union = [...((current as string[] | undefined) ?? [])];
      for (const value of (incoming as string[] | undefined) ?? []) {
        if (!union.some((v) => v.toLowerCase() === value.toLowerCase())) {
          union.push(value);
          changed = true;
        }
      }
      merged[field] = union;
    } else if ((current === undefined || current === '') && incoming !== undefined && incoming !== '') {
      merged[field] = incoming;
      changed = true;
    } else {
      merged[field] = current;
    }
  }
  return changed ? (merged as AssociationInput) : undefined;
}

/** Fills the association's gaps from the row (a concurrent edit is read again and retried). */
export async function mergeRowIntoAssociation(
  db: Db,
  workspaceId: string,
  request: { associationId: string; row: AssociationInput; by: string },
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const target = await getAssociation(db, workspaceId, request.associationId);
    const input = fillGaps(target, request.row);
    if (!input) return false;
    try {
      await updateAssociationProfile(db, workspaceId, {
        id: target.id,
        expectedVersion: target.version,
        input,
        by: request.by,
      });
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError();
}
