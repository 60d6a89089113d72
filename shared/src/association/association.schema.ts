// Shapes of an association (yhdistys / järjestö): what staff enter and what is stored.
import { z } from 'zod';
import { idSchema, STAFF_ID_PATTERN } from '../ids';
import {
  cleanedInput,
  isoInstantSchema,
  optionalMultilineText,
  optionalText,
  storedItemFields,
  textList,
} from '../schema-helpers';
import { calendarDateSchema } from '../time/helsinki';
import { tidyName } from '../text/finnish-collation';
import {
  hasYTunnusFormat,
  isValidRegisterNumber,
  isValidYTunnus,
  normaliseRegisterNumber,
  normaliseYTunnus,
} from './association-identifiers';
import { ASSOCIATION_KIND, partnerKindCodeSchema } from './organisation-kind';

export const ASSOCIATION_SCHEMA_VERSION = 2;

export const associationFrames = [
  'liitto',
  'piiri',
  'yhdistys',
  'paikallisosasto',
  'alaosasto',
  'kerho',
  'ryhma',
  'jaosto',
  'toimikunta',
  'muu',
] as const;
export type AssociationFrame = (typeof associationFrames)[number];

/** The municipalities of North Savo (Pohjois-Savo); others may be entered too. */
export const northSavoMunicipalities = [
  'Iisalmi',
  'Joroinen',
  'Kaavi',
  'Keitele',
  'Kiuruvesi',
  'Kuopio',
  'Lapinlahti',
  'Leppävirta',
  'Pielavesi',
  'Rautalampi',
  'Rautavaara',
  'Siilinjärvi',
  'Sonkajärvi',
  'Suonenjoki',
  'Tervo',
  'Tuusniemi',
  'Varkaus',
  'Vesanto',
  'Vieremä',
] as const;

const nameSchema = z
  .string({ message: 'msg:name.required' })
  .transform(tidyName)
  .pipe(z.string().min(1, { message: 'msg:name.required' }).max(200, { message: 'msg:name.tooLong' }));

const ytunnusSchema = z.preprocess(
  (value) =>
    typeof value === 'string' ? (value.trim() === '' ? undefined : normaliseYTunnus(value)) : value,
  z
    .string()
    .refine(hasYTunnusFormat, { message: 'msg:ytunnus.format', abort: true })
    .refine(isValidYTunnus, { message: 'msg:ytunnus.checksum' })
    .optional(),
);

const registerNumberSchema = z.preprocess(
  (value) =>
    typeof value === 'string' ? (value.trim() === '' ? undefined : normaliseRegisterNumber(value)) : value,
  z.string().refine(isValidRegisterNumber, { message: 'msg:registerNumber.format' }).optional(),
);

const currentYear = () => new Date().getUTCFullYear();

/** What a person enters or an import provides for an association. */
export const associationInputSchema = z.object({
  name: nameSchema,
  /**
   * An association (the default) or one of the workspace's partner kinds (organisation-kind.ts);
   * chosen when the organisation is added, not in a profile edit.
   */
  kind: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? ASSOCIATION_KIND : v),
    z.union([z.literal(ASSOCIATION_KIND), partnerKindCodeSchema], { message: 'msg:partnerKind.unknown' }),
  ),
  /** An association's frame (required for associations); a partner has none. */
  frame: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(associationFrames, { message: 'msg:frame.unknown' }).optional(),
  ),
  parentId: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  ytunnus: ytunnusSchema,
  registerNumber: registerNumberSchema,
  municipalities: textList(20, 60).pipe(z.array(z.string()).min(1, { message: 'msg:municipality.required' })),
  targetGroups: textList(30, 60).default([]),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.email().max(200).optional(),
  ),
  phone: optionalText(40),
  address: optionalText(300),
  website: z.preprocess(
    (v) => (typeof v === 'string' && cleanedInput(v) === '' ? undefined : cleanedInput(v)),
    z
      .url({ protocol: /^https?$/ })
      .max(300)
      .optional(),
  ),
  foundedYear: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : Number(v)),
    z
      .number()
      .int()
      .refine((year) => year >= 1800 && year <= currentYear(), { message: 'msg:foundedYear.range' })
      .optional(),
  ),
  /** Public: what the association does, in its own words (a later self-service page shows it). */
  description: optionalMultilineText(3000),
  /** Internal notes of the staff, never shown outside. */
  notes: optionalMultilineText(5000),
  /** The staff member who looks after the association (optional). */
  ownerId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ message: 'msg:owner.unknown' })
      .regex(STAFF_ID_PATTERN, { message: 'msg:owner.unknown' })
      .optional(),
  ),
});
export type AssociationInput = z.output<typeof associationInputSchema>;

/** The fields a profile edit may change (UpdateItem touches only the submitted ones); not the kind. */
export const editableAssociationFields = (
  Object.keys(associationInputSchema.shape) as (keyof AssociationInput)[]
).filter((field) => field !== 'kind');

/** The association's derived summary: recomputed from the facts, never edited. */
export const associationSummarySchema = z.object({
  lastContactAt: isoInstantSchema.optional(),
  nextFollowUpDue: calendarDateSchema.optional(),
  openFollowUpCount: z.number().int().nonnegative(),
  /** Incremented by every summary write; a write conditional on it never applies stale facts. */
  summaryRev: z.number().int().nonnegative(),
  /** Set when a write could not bring the summary up to date; the next read recomputes it. */
  summaryStaleAt: isoInstantSchema.optional(),
  /** Contacts counted after their facts were stored, and the count the stored summary saw. */
  factsSeq: z.number().int().nonnegative().optional(),
  summaryFactsSeq: z.number().int().nonnegative().optional(),
});
export type AssociationSummary = z.output<typeof associationSummarySchema>;

export const associationSchema = associationInputSchema
  .extend({
    ...storedItemFields,
    /** Absent on items stored before kinds existed: those are associations. */
    kind: z.string().optional(),
    id: idSchema,
    workspaceId: z.string(),
    version: z.number().int().positive(),
    createdAt: isoInstantSchema,
    createdBy: z.string(),
    updatedAt: isoInstantSchema,
    updatedBy: z.string(),
    archivedAt: isoInstantSchema.optional(),
    /** This association was merged into another (a duplicate): the survivor's id. */
    mergedInto: idSchema.optional(),
    mergedAt: isoInstantSchema.optional(),
    /** A merge into this id has begun and is not finished yet (a retry or repair finishes it). */
    mergingInto: idSchema.optional(),
    /** Duplicates merged into this association; their stage history stays with them. */
    mergedFromIds: z.array(idSchema).optional(),
    /** The tarjotin stage: associations only (a partner has none, and no stage history). */
    stage: z.string().optional(),
    stageEnteredAt: isoInstantSchema.optional(),
    stageSeq: z.number().int().nonnegative().optional(),
    /** Set by a stage move before its history entry; the next read finishes a move a crash cut short. */
    stagePending: z.string().optional(),
  })
  .extend(associationSummarySchema.shape);
export type Association = z.output<typeof associationSchema>;
