// A dated task (jatkotoimenpide): out of an interaction (e.g. the year-end revisit), or made by hand.
import { z } from 'zod';
import { idSchema, staffIdSchema } from '../ids';
import { optionalText } from '../schema-helpers';
import { plausibleDateSchema } from '../time/plausible-dates';

/** 2: a completed follow-up is indexed by the Helsinki month it was done in (pattern 32). */
export const FOLLOW_UP_SCHEMA_VERSION = 2;

/** Why a follow-up exists, where it matters: `revisit` is the year-end "what happened after?" visit. */
export const followUpPurposes = ['revisit'] as const;

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const followUpInputSchema = z.object({
  id: idSchema,
  associationId: idSchema,
  /** Plain calendar date in Europe/Helsinki. */
  due: plausibleDateSchema('other'),
  /** Who does it; absent: a team task, for whoever of the staff takes it. */
  assigneeId: staffIdSchema.optional(),
  title: optionalText(300),
  interactionId: idSchema.optional(),
  purpose: z.enum(followUpPurposes).optional(),
});
export type FollowUpInput = z.output<typeof followUpInputSchema>;

export interface FollowUp extends FollowUpInput {
  sv: number;
  workspaceId: string;
  status: FollowUpStatus;
  version: number;
  createdAt: string;
  createdBy: string;
  completedAt?: string;
  completedBy?: string;
  completedByInteractionId?: string;
  /** A short note written when it was completed without a contact (shown on the timeline). */
  completionNote?: string;
  /** A follow-up cancelled as a mistake: kept as a record, out of every list and report. */
  cancelledAt?: string;
  cancelledBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  /** Moved here from a duplicate association when the two were merged. */
  mergedFrom?: string;
}
