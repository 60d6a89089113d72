// One logged contact (yhteydenotto / kohtaaminen) with an association.
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoInstantSchema, optionalMultilineText, storedItemFields, textList } from '../schema-helpers';

/** Version 2: the people met have their reverse entries (pattern 37). */
export const INTERACTION_SCHEMA_VERSION = 2;

export const interactionKinds = [
  'visit',
  'call',
  'workshop',
  'event',
  'remote_meeting',
  'email',
  'mass_mailing',
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const callOutcomes = [
  'reached',
  'no_answer',
  'busy',
  'left_message',
  'call_back',
  'wrong_number',
  'not_interested',
] as const;
export const meetingOutcomes = ['held', 'cancelled'] as const;
export const interactionOutcomes = [...callOutcomes, ...meetingOutcomes, 'sent'] as const;
export type InteractionOutcome = (typeof interactionOutcomes)[number];

/** Which outcomes make sense for which kind of contact. */
export const outcomesByKind: Record<InteractionKind, readonly InteractionOutcome[]> = {
  call: callOutcomes,
  visit: meetingOutcomes,
  workshop: meetingOutcomes,
  event: meetingOutcomes,
  remote_meeting: meetingOutcomes,
  email: ['sent'],
  mass_mailing: ['sent'],
};

export function outcomeFitsKind(kind: InteractionKind, outcome: InteractionOutcome | undefined): boolean {
  return outcome === undefined || outcomesByKind[kind].includes(outcome);
}

export const interactionFieldsSchema = z.object({
  id: idSchema,
  associationId: idSchema,
  kind: z.enum(interactionKinds),
  occurredAt: isoInstantSchema,
  durationMinutes: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
  ),
  personIds: z.array(idSchema).max(50).default([]),
  topics: textList(20, 80).default([]),
  outcome: z.preprocess((v) => (v === '' ? undefined : v), z.enum(interactionOutcomes).optional()),
  notes: optionalMultilineText(10_000),
  /** The campaign whose mailing or call list this contact belongs to. */
  campaignId: idSchema.optional(),
  /** The event the association attended (the contact is kept in step with its attendance). */
  eventId: idSchema.optional(),
});

export const interactionInputSchema = interactionFieldsSchema.refine(
  (i) => outcomeFitsKind(i.kind, i.outcome),
  {
    message: 'msg:outcome.kind',
    path: ['outcome'],
  },
);
export type InteractionInput = z.output<typeof interactionInputSchema>;

export interface Interaction extends InteractionInput {
  sv: number;
  workspaceId: string;
  staffId: string;
  version: number;
  createdAt: string;
  deletedAt?: string;
  /** Moved here from a duplicate association when the two were merged. */
  mergedFrom?: string;
}

export const interactionStoredFields = { ...storedItemFields };
