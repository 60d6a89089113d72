// How an association's profile fields are named and shown as text (the conflict view of the edit).
import type { Association } from '@kohtaamo/shared/association/association.schema';
import { t, type Locale, type PlainMessageKey } from '@kohtaamo/shared/i18n/messages';
import { label } from './format';

const labelKeys: Record<string, PlainMessageKey> = {
  name: 'association.field.name',
  frame: 'association.field.frame',
  municipalities: 'association.field.municipalities',
  targetGroups: 'association.field.targetGroups',
  ytunnus: 'association.field.ytunnus',
  registerNumber: 'association.field.registerNumber',
  email: 'association.field.email',
  phone: 'association.field.phone',
  address: 'association.field.address',
  website: 'association.field.website',
  foundedYear: 'association.field.foundedYear',
  ownerId: 'association.field.owner',
  description: 'association.field.description',
  notes: 'association.field.notes',
};

export const profileFieldLabel = (locale: Locale, field: string): string =>
  labelKeys[field] ? t(locale, labelKeys[field]) : field;

/** The stored value as the user reads it ('–' when empty): the frame's name, the owner's name. */
export function profileFieldText(
  locale: Locale,
  association: Association,
  field: string,
  staff: readonly { id: string; name: string }[],
): string {
  const stored = (association as Record<string, unknown>)[field];
  if (stored === undefined || stored === '' || (Array.isArray(stored) && stored.length === 0)) return '–';
  if (field === 'frame') return label(locale, 'frame', String(stored));
  if (field === 'ownerId') return staff.find((s) => s.id === stored)?.name ?? '–';
  return Array.isArray(stored) ? stored.join(', ') : String(stored);
}
