// A contact person (henkilö), stored once per workspace, and their memberships in associations.
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoInstantSchema, optionalMultilineText, optionalText, storedItemFields } from '../schema-helpers';
import { plausibleDateSchema } from '../time/plausible-dates';
import { tidyName } from '../text/finnish-collation';

/** 2: a person item is in the people directory (pattern 36; migration in db/migrate.ts). */
export const PERSON_SCHEMA_VERSION = 2;
/** 2: an item per role period, keyed `MEMBER#<person>#<id>` (migration in db/migrate.ts). */
export const MEMBERSHIP_SCHEMA_VERSION = 2;

export const personInputSchema = z.object({
  name: z
    .string({ message: 'msg:name.required' })
    .transform(tidyName)
    .pipe(z.string().min(1, { message: 'msg:name.required' }).max(200, { message: 'msg:name.tooLong' })),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.email().max(200).optional(),
  ),
  phone: optionalText(40),
  notes: optionalMultilineText(5000),
  /** The person objected to processing: left out of exports and mailings. */
  objected: z.boolean().default(false),
  /** Why the centre may hold this person's data (GDPR Art. 6), in a few words. */
  lawfulBasis: optionalText(500),
});
export type PersonInput = z.output<typeof personInputSchema>;

export const personSchema = personInputSchema.extend({
  ...storedItemFields,
  id: idSchema,
  workspaceId: z.string(),
  version: z.number().int().positive(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type Person = z.output<typeof personSchema>;

export const membershipRoles = [
  'chair',
  'vice_chair',
  'secretary',
  'treasurer',
  'board_member',
  'employee',
  'volunteer',
  'contact',
  'other',
] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const membershipInputSchema = z
  .object({
    /** The role period's own id: a person may hold several roles in one association, at once and over time. */
    id: idSchema,
    associationId: idSchema,
    personId: idSchema,
    role: z.enum(membershipRoles),
    startDate: plausibleDateSchema('other').optional(),
    endDate: plausibleDateSchema('other').optional(),
  })
  .refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, {
    message: 'msg:date.format',
    path: ['endDate'],
  });
export type MembershipInput = z.output<typeof membershipInputSchema>;

/**
 * A membership item is one role period of a person in an association ("secretary 2019–2022");
 * it carries both names so either side lists without further reads.
 */
export interface Membership extends MembershipInput {
  sv: number;
  personName: string;
  associationName: string;
  createdAt: string;
  /** Moved here from a duplicate association when the two were merged. */
  mergedFrom?: string;
}
