// Organisation kinds, pure: every organisation is an association (the default, and what an item
// without a kind is) or a partner of one of the workspace's partner kinds (a municipality, a
// vanhus- or vammaisneuvosto, a wellbeing services county unit…). Partners have no tarjotin stage
// and no frame, so they stay out of the pipeline and of the association figures.
import { z } from 'zod';
import { t, type Locale } from '../i18n/messages';
import { lineText } from '../schema-helpers';

export const ASSOCIATION_KIND = 'association';

/** The directory's kind filter may also ask for every partner at once. */
export const ANY_PARTNER = 'partner';

/** A partner kind's code: not one of the two words the directory filter reserves. */
export const partnerKindCodeSchema = z
  .string({ message: 'msg:partnerKind.code' })
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'msg:partnerKind.code' })
  .refine((code) => code !== ASSOCIATION_KIND && code !== ANY_PARTNER, { message: 'msg:partnerKind.code' });

export const partnerKindSchema = z.object({
  code: partnerKindCodeSchema,
  label: z.object({
    fi: lineText().min(1, { message: 'msg:partnerKind.label' }).max(60, { message: 'msg:partnerKind.label' }),
    en: lineText().min(1, { message: 'msg:partnerKind.label' }).max(60, { message: 'msg:partnerKind.label' }),
  }),
});
export type PartnerKind = z.output<typeof partnerKindSchema>;

export const partnerKindListSchema = z
  .array(partnerKindSchema)
  .max(30, { message: 'msg:partnerKind.tooMany' })
  .refine((kinds) => new Set(kinds.map((k) => k.code)).size === kinds.length, {
    message: 'msg:partnerKind.duplicate',
  });

/** What a new workspace starts with (DOMAIN.md: the partners the centre works with). */
export const defaultPartnerKinds: readonly PartnerKind[] = [
  { code: 'kunta', label: { fi: 'Kunta', en: 'Municipality' } },
  {
    code: 'neuvosto',
    label: { fi: 'Vanhus- tai vammaisneuvosto', en: 'Council for older people or for disability' },
  },
  {
    code: 'hyvinvointialue',
    label: { fi: 'Hyvinvointialueen yksikkö', en: 'Wellbeing services county unit' },
  },
  { code: 'muu_kumppani', label: { fi: 'Muu kumppani', en: 'Other partner' } },
];

/** The workspace's partner kinds; a workspace stored before they existed has the defaults. */
export const partnerKindsOf = (workspace: { partnerKinds?: readonly PartnerKind[] | undefined }) =>
  workspace.partnerKinds ?? defaultPartnerKinds;

/** An organisation's kind: one stored without a kind is an association. */
export const organisationKindOf = (organisation: { kind?: string | undefined }): string =>
  organisation.kind ?? ASSOCIATION_KIND;

export const isPartner = (organisation: { kind?: string | undefined }): boolean =>
  organisationKindOf(organisation) !== ASSOCIATION_KIND;

/** Whether `kind` names an association or one of the workspace's partner kinds. */
export const isKnownKind = (kinds: readonly PartnerKind[], kind: string): boolean =>
  kind === ASSOCIATION_KIND || kinds.some((k) => k.code === kind);

/**
 * A partner kind's label in `locale`; a code the workspace no longer lists (removed from the
 * settings after use) is shown as it is.
 */
export function partnerKindLabel(kinds: readonly PartnerKind[], code: string, locale: Locale): string {
  return kinds.find((k) => k.code === code)?.label[locale] ?? code;
}

/** Whether an organisation of `kind` passes the directory's kind filter (a code, `partner` or `association`). */
export function matchesKindFilter(kind: string, filter: string): boolean {
  if (filter === ANY_PARTNER) return kind !== ASSOCIATION_KIND;
  return kind === filter;
}

/** The name of an organisation's kind in `locale`: "Association" or the partner kind's label. */
export function organisationKindLabel(kinds: readonly PartnerKind[], kind: string, locale: Locale): string {
  return kind === ASSOCIATION_KIND
    ? t(locale, 'organisationKind.association')
    : partnerKindLabel(kinds, kind, locale);
}

const ASSOCIATION_WORDS = new Set(['', 'yhdistys', 'järjestö', 'jarjesto', 'association', 'organisation']);
const comparable = (text: string) =>
  text.normalize('NFC').toLocaleLowerCase('fi').replace(/\s+/g, ' ').trim();

/**
 * The kind a spreadsheet cell names: empty or "yhdistys" is an association; a partner kind by its
 * code or its Finnish or English name, in any case. Undefined when the cell names no kind.
 */
export function kindFromText(kinds: readonly PartnerKind[], text: string | undefined): string | undefined {
  const wanted = comparable(text ?? '');
  if (ASSOCIATION_WORDS.has(wanted) || wanted === ASSOCIATION_KIND) return ASSOCIATION_KIND;
  return kinds.find(
    (kind) =>
      kind.code === wanted || comparable(kind.label.fi) === wanted || comparable(kind.label.en) === wanted,
  )?.code;
}
