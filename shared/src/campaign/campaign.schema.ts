// A campaign (kampanja): a mass mailing to a chosen set of associations, recorded on each of their
// timelines, and the call round that follows (soittokierros): a call list worked through by one
// or more staff members, each call's outcome logged in one click.
import { z } from 'zod';
import { directoryFilterSchema } from '../association/directory-filter';
import { callOutcomes, type InteractionOutcome } from '../interaction/interaction.schema';
import { lineText, optionalMultilineText } from '../schema-helpers';
import { tidyName } from '../text/finnish-collation';
import { plausibleDateSchema } from '../time/plausible-dates';

export const CAMPAIGN_SCHEMA_VERSION = 1;
/** Version 2: rows are indexed by their association (pattern 38), so a rename reaches them. */
export const CAMPAIGN_ROW_SCHEMA_VERSION = 2;

/** Which associations the campaign is for: the directory's filters, plus "not on tarjotin yet". */
export const campaignFilterSchema = directoryFilterSchema
  .pick({
    q: true,
    municipality: true,
    kind: true,
    frame: true,
    targetGroup: true,
    stage: true,
    noContactMonths: true,
  })
  .extend({
    notOnTarjotin: z.preprocess((v) => v === 'yes' || v === true, z.boolean()),
  });
export type CampaignFilter = z.output<typeof campaignFilterSchema>;

export const campaignInputSchema = z.object({
  name: z
    .string({ message: 'msg:name.required' })
    .transform(tidyName)
    .pipe(z.string().min(1, { message: 'msg:name.required' }).max(200, { message: 'msg:name.tooLong' })),
  /** What was sent: recorded as the mailing's note on every association's timeline. */
  mailingSubject: lineText()
    .min(1, { message: 'msg:campaign.subject' })
    .max(300, { message: 'msg:name.tooLong' }),
  mailingDate: plausibleDateSchema('other'),
  notes: optionalMultilineText(2000),
  filter: campaignFilterSchema,
});
export type CampaignInput = z.output<typeof campaignInputSchema>;

export interface Campaign extends CampaignInput {
  sv: number;
  id: string;
  workspaceId: string;
  rowCount: number;
  /** The background job that records the mailing on every association's timeline. */
  mailingJobId?: string;
  version: number;
  createdAt: string;
  createdBy: string;
}

export type CallOutcome = (typeof callOutcomes)[number];

/** Outcomes after which the association is called again later in the same round. */
export const retryOutcomes: readonly CallOutcome[] = ['no_answer', 'busy'];

/** One association of the call list. */
export interface CampaignRow {
  sv: number;
  campaignId: string;
  associationId: string;
  associationName: string;
  municipalities: string[];
  status: 'open' | 'done';
  attempts: number;
  /** Who is calling it now, until when (a claim that ran out is free again). */
  claimedBy?: string;
  claimedUntil?: string;
  lastOutcome?: CallOutcome;
  lastCalledAt?: string;
  lastCalledBy?: string;
  /** The calls logged from this row (ids of interactions), so a retried log counts once. */
  interactionIds: string[];
  callBackDue?: string;
  version: number;
}

export const isCallOutcome = (value: unknown): value is CallOutcome =>
  (callOutcomes as readonly InteractionOutcome[]).includes(value as InteractionOutcome);
