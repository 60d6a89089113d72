// Logging a contact: the interaction, an optional next follow-up, an optional follow-up it
// completes, then the association's summary. The summary is marked stale first, then the facts
// (conditional puts with client ids; the people met's reverse entries just before the
// interaction), the derived summary last: a crash at any point leaves a summary that the next
// read or write recomputes, and a retry of the form logs nothing twice.
import { z } from 'zod';
import type { Db } from '../db/client';
import { getActiveAssociation } from '../association/association.store';
import { putIfAbsent } from '../db/operations';
import {
  countStoredFacts,
  markSummaryStale,
  recomputeAssociationSummary,
} from '../association/association-summary';
import { faultPoint } from '../db/fault-points';
import { ValidationError } from '../errors';
import { idSchema, staffIdSchema } from '../ids';
import { localised } from '../i18n/messages';
import { optionalText } from '../schema-helpers';
import { completeFollowUp, getFollowUp, putFollowUp } from '../follow-up/follow-up.store';
import { followUpPurposes, type FollowUp } from '../follow-up/follow-up.schema';
import { assertMembersOfAssociation } from '../person/person.store';
import { helsinkiDate } from '../time/helsinki';
import { implausibleDateMessage, isPlausibleDate, plausibleDateSchema } from '../time/plausible-dates';
import { parseInput } from '../validation';
import { INTERACTION_SCHEMA_VERSION, interactionInputSchema, type Interaction } from './interaction.schema';
import { getInteractionRef, interactionItem, interactionRefItem } from './interaction.store';
import { putContactsMet } from './contacts-met.store';

/** Which date rule a contact's time follows: `contact` (1990 → tomorrow) unless it comes from a dated record. */
export type OccurredAtRange = 'contact' | 'other';

const logContactSchema = (now: Date, range: OccurredAtRange) =>
  z.object({
    interaction: interactionInputSchema.refine(
      (i) => isPlausibleDate(range, helsinkiDate(new Date(i.occurredAt)), now),
      { message: implausibleDateMessage(range, '', now), path: ['occurredAt'] },
    ),
    nextFollowUp: z
      .object({
        due: plausibleDateSchema('newDue', () => now),
        assigneeId: staffIdSchema.optional(),
        title: optionalText(300),
        purpose: z.enum(followUpPurposes).optional(),
      })
      .optional(),
    completesFollowUpId: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  });

/**
 * Writes the interaction's idempotency record (with the time it was claimed, so repair can tell
 * a record whose contact a crash never stored from one still being written) and returns the time the id was first logged
 * with: a retry whose form says another time still completes the original, never a second one.
 */
async function claimInteractionId(
  db: Db,
  workspaceId: string,
  associationId: string,
  id: string,
  occurredAt: string,
): Promise<string> {
  const ref = {
    ...interactionRefItem(workspaceId, { associationId, id, occurredAt }),
    claimedAt: db.now().toISOString(),
  };
  if (await putIfAbsent(db, ref)) return occurredAt;
  return (await getInteractionRef(db, workspaceId, associationId, id))?.occurredAt ?? occurredAt;
}

export interface LogContactResult {
  interaction: Interaction;
  followUp?: FollowUp;
}

/**
 * Logs a contact made by `staffId`. The follow-up it creates has the interaction's id, so
 * a resubmitted form (double click, back button, retry) logs nothing twice. Fails with
 * ValidationError (nothing written: also for a date outside the rule of plausible-dates.ts or a
 * person met who never was a member of the association) or NotFoundError; a stored contact never
 * answers a conflict. A contact made from a dated record (an event's attendance, a campaign's
 * mailing) says `occurredAtRange: 'other'`: an event may lie ahead.
 */
export async function logContact(
  db: Db,
  workspaceId: string,
  request: { input: unknown; staffId: string; occurredAtRange?: OccurredAtRange },
): Promise<LogContactResult> {
  const now = db.now();
  const input = parseInput(logContactSchema(now, request.occurredAtRange ?? 'contact'), request.input);
  const { associationId } = input.interaction;
  // No healing read: this request recomputes the summary itself at the end.
  await getActiveAssociation(db, workspaceId, associationId, { heal: false });
  await assertMembersOfAssociation(
    db,
    workspaceId,
    associationId,
    input.interaction.personIds,
    'interaction.personIds',
  );
  if (input.completesFollowUpId) {
    // Check before writing anything, so a refused request leaves no half-logged contact.
    const target = await getFollowUp(db, workspaceId, associationId, input.completesFollowUpId).catch(
      () => undefined,
    );
    if (!target) {
      throw new ValidationError([
        { field: 'completesFollowUpId', message: localised('msg:followUp.otherAssociation') },
      ]);
    }
    if (target.status !== 'open' && target.completedByInteractionId !== input.interaction.id) {
      throw new ValidationError([
        { field: 'completesFollowUpId', message: localised('msg:followUp.notOpen') },
      ]);
    }
  }
  await markSummaryStale(db, workspaceId, associationId);
  const occurredAt = await claimInteractionId(
    db,
    workspaceId,
    associationId,
    input.interaction.id,
    input.interaction.occurredAt,
  );
  const interaction: Interaction = {
    ...input.interaction,
    occurredAt,
    sv: INTERACTION_SCHEMA_VERSION,
    workspaceId,
    staffId: request.staffId,
    version: 1,
    createdAt: now.toISOString(),
  };
  // The people's reverse entries before the fact (pattern 37): a crash leaves one too many, which
  // the person page skips and repair removes, never one missing; a retry writes them again.
  await putContactsMet(db, workspaceId, interaction, interaction.personIds);
  await putIfAbsent(db, interactionItem(workspaceId, interaction));
  faultPoint('log-contact:after-interaction');
  let followUp: FollowUp | undefined;
  if (input.nextFollowUp) {
    followUp = await putFollowUp(
      db,
      workspaceId,
      {
        id: interaction.id,
        associationId,
        due: input.nextFollowUp.due,
        assigneeId: input.nextFollowUp.assigneeId ?? request.staffId,
        interactionId: interaction.id,
        ...(input.nextFollowUp.title ? { title: input.nextFollowUp.title } : {}),
        ...(input.nextFollowUp.purpose ? { purpose: input.nextFollowUp.purpose } : {}),
      },
      request.staffId,
    );
  }
  if (input.completesFollowUpId) {
    await completeFollowUp(db, workspaceId, {
      associationId,
      id: input.completesFollowUpId,
      by: request.staffId,
      interactionId: interaction.id,
    });
  }
  faultPoint('log-contact:before-summary');
  // Counted after the facts: a concurrent recomputation that saw the count covers this contact.
  // Never a conflict: a summary that loses every race stays marked stale for the next read.
  const counted = await countStoredFacts(db, workspaceId, associationId);
  await recomputeAssociationSummary(db, workspaceId, associationId, { coveredBy: counted });
  return followUp ? { interaction, followUp } : { interaction };
}
