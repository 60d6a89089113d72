// The call round of a campaign: logging one call from the call list (the outcome in one click; a
// "call back" becomes a follow-up in the caller's tasks), the mailing recorded on every timeline
// as a background job, and the round's progress.
import { localised } from '../i18n/messages';
import { z } from 'zod';
import type { Db } from '../db/client';
import { ConflictError, ValidationError } from '../errors';
import { idFromSeed, idSchema } from '../ids';
import { callOutcomes } from '../interaction/interaction.schema';
import { futureDueDateSchema } from '../follow-up/follow-up';
import { isMergedAssociation } from '../association/association.store';
import { logContact } from '../interaction/log-contact';
import type { JobHandler } from '../jobs/run-job';
import { optionalText } from '../schema-helpers';
import { calendarDateSchema, helsinkiDate, helsinkiInstant } from '../time/helsinki';
import { parseInput } from '../validation';
import type { Workspace } from '../workspace/workspace.schema';
import { retryOutcomes } from './campaign.schema';
import { getCampaign, getCampaignRow, getCampaignWithRows, recordCallOnRow } from './campaign.store';

export const campaignCallSchema = z
  .object({
    interactionId: idSchema,
    outcome: z.enum(callOutcomes, { message: 'msg:outcome.kind' }),
    callBackDue: z.preprocess((v) => (v === '' ? undefined : v), calendarDateSchema.optional()),
    notes: optionalText(2000),
    personIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(idSchema).max(50),
    ),
  })
  .refine((call) => call.outcome !== 'call_back' || call.callBackDue !== undefined, {
    message: 'msg:campaign.callBackDate',
    path: ['callBackDue'],
  });

/** Logs a call made from the call list; the row leaves the list unless it is to be tried again. */
export async function logCampaignCall(
  db: Db,
  workspace: Workspace,
  request: { campaignId: string; associationId: string; staffId: string; input: unknown },
): Promise<{ done: boolean }> {
  const call = parseInput(campaignCallSchema, request.input);
  // A call-back date is a new due date: today to five years ahead, refused on its own field.
  if (call.callBackDue) {
    parseInput(z.object({ callBackDue: futureDueDateSchema(db.now()) }), { callBackDue: call.callBackDue });
  }
  const [campaign, row] = await Promise.all([
    getCampaign(db, workspace.id, request.campaignId),
    getCampaignRow(db, workspace.id, request.campaignId, request.associationId),
  ]);
  const retried = row.interactionIds.includes(call.interactionId);
  if (!retried && row.status === 'done') {
    throw new ValidationError([
      {
        field: 'outcome',
        message: localised('campaignCalls.thisAssociationHasAlreadyBeen'),
      },
    ]);
  }
  // Only the caller who holds the row logs its call: two people never log the same association.
  if (!retried && row.claimedBy !== request.staffId) {
    const takenByOther = row.claimedBy !== undefined && (row.claimedUntil ?? '') >= db.now().toISOString();
    throw new ConflictError(
      takenByOther
        ? localised('campaignCalls.anotherStaffMemberIsCalling')
        : localised('campaignCalls.takeTheAssociationFromThe'),
    );
  }
  await logContact(db, workspace.id, {
    staffId: request.staffId,
    input: {
      interaction: {
        id: call.interactionId,
        associationId: row.associationId,
        kind: 'call',
        outcome: call.outcome,
        occurredAt: db.now().toISOString(),
        notes: call.notes,
        personIds: call.personIds,
        topics: [campaign.name.slice(0, 80)],
        campaignId: campaign.id,
      },
      ...(call.outcome === 'call_back' && call.callBackDue
        ? { nextFollowUp: { due: call.callBackDue, title: `Soita takaisin: ${campaign.name}`.slice(0, 300) } }
        : {}),
    },
  });
  const done = !retryOutcomes.includes(call.outcome);
  await recordCallOnRow(db, workspace.id, {
    campaignId: campaign.id,
    associationId: row.associationId,
    staffId: request.staffId,
    interactionId: call.interactionId,
    outcome: call.outcome,
    done,
    ...(call.callBackDue && call.outcome === 'call_back' ? { callBackDue: call.callBackDue } : {}),
  });
  return { done };
}

/** The id of the mailing contact of `campaignId` on the timeline of `associationId`. */
export const mailingInteractionId = (campaignId: string, associationId: string) =>
  idFromSeed(`${campaignId}:${associationId}:mailing`);

/** Records the campaign's mailing on the timeline of every association on its list (a job). */
export const runMailingJob: JobHandler<'mailing'> = async ({ db, workspace, job, progress }) => {
  const { campaign, rows } = await getCampaignWithRows(db, workspace.id, job.params.campaignId);
  const today = helsinkiDate(db.now());
  const occurredAt =
    campaign.mailingDate === today
      ? db.now().toISOString()
      : helsinkiInstant(campaign.mailingDate, 9).toISOString();
  let recorded = 0;
  let skipped = 0;
  for (const [index, row] of rows.entries()) {
    try {
      await logContact(db, workspace.id, {
        staffId: campaign.createdBy,
        // The mailing's date was checked when the campaign was made (the `other` range).
        occurredAtRange: 'other',
        input: {
          interaction: {
            id: mailingInteractionId(campaign.id, row.associationId),
            associationId: row.associationId,
            kind: 'mass_mailing',
            outcome: 'sent',
            occurredAt,
            notes: campaign.mailingSubject,
            topics: [campaign.name.slice(0, 80)],
            campaignId: campaign.id,
          },
        },
      });
      recorded++;
    } catch (error) {
      // An association merged into another after the list was made: its row stays, unmailed.
      if (!isMergedAssociation(error)) throw error;
      skipped++;
    }
    await progress(index + 1, rows.length);
  }
  return { result: { recorded, skipped }, progress: { done: rows.length, total: rows.length } };
};
