// Storing event feedback: an answer set entered by staff (recordFeedback), or one sent through the
// public link (submitPublicFeedback: throttled and single-use, counted before anything is stored).
// The rules it checks against are in event-feedback.ts.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '../db/operations';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { keys } from '../db/table';
import { TooManyRequestsError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { consumeAttempt, consumeAttempts, feedbackLimits, type ThrottleRule } from '../user/throttle.store';
import { parseId } from '../validation';
import { parseFeedbackForm } from './event-feedback';
import { FEEDBACK_SCHEMA_VERSION, type Event, type Feedback } from './event.schema';
import { feedbackItem } from './event.store';
import { stampUseRule } from './feedback-stamp';

export async function recordFeedback(
  db: Db,
  workspaceId: string,
  event: Event,
  request: { id: string; values: Record<string, unknown>; source: Feedback['source'] },
): Promise<Feedback> {
  const feedback: Feedback = {
    sv: FEEDBACK_SCHEMA_VERSION,
    id: parseId(request.id),
    eventId: event.id,
    workspaceId,
    ...parseFeedbackForm(event, request.values),
    source: request.source,
    createdAt: db.now().toISOString(),
  };
  await putIfAbsent(db, feedbackItem(workspaceId, feedback));
  return feedback;
}

/** Public feedback is limited per client address and event (a few people share one), and per event. */
export function publicFeedbackRules(eventId: string, clientAddress: string): ThrottleRule[] {
  return [
    { kind: 'feedback-address', value: `${eventId}:${clientAddress}`, ...feedbackLimits.perAddress },
    { kind: 'feedback-event', value: eventId, ...feedbackLimits.perEvent },
  ];
}

const stampUsed = () => new ValidationError([], localised('feedback.stampUsed'));

async function feedbackExists(db: Db, workspaceId: string, eventId: string, id: string): Promise<boolean> {
  const { Item } = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.feedback(workspaceId, eventId, id),
        ConsistentRead: true,
      }),
    ),
  );
  return Item !== undefined;
}

/**
 * A feedback form sent through the public link, whose stamp the caller has checked (checkStamp).
 * The attempt is counted first (publicFeedbackRules), then the answers are checked, then the stamp
 * is used up, then the answers are stored: parallel posts cannot pass a limit, and one stamp stores
 * at most one feedback. Sending the same form twice (same id) answers with what was stored.
 * Fails with TooManyRequestsError (past a limit), ValidationError (the answers, or a stamp used
 * already); an answer refused is not counted.
 */
export async function submitPublicFeedback(
  db: Db,
  workspaceId: string,
  event: Event,
  request: { id: unknown; stamp: string; values: Record<string, unknown>; clientAddress: string },
): Promise<void> {
  const attempt = await consumeAttempts(db, publicFeedbackRules(event.id, request.clientAddress));
  let id: string;
  try {
    id = parseId(request.id);
    parseFeedbackForm(event, request.values);
  } catch (caught) {
    await attempt.refund();
    throw caught;
  }
  try {
    await consumeAttempt(db, stampUseRule(request.stamp));
  } catch (caught) {
    if (!(caught instanceof TooManyRequestsError)) throw caught;
    if (await feedbackExists(db, workspaceId, event.id, id)) {
      await attempt.refund();
      return;
    }
    throw stampUsed();
  }
  await recordFeedback(db, workspaceId, event, { id, values: request.values, source: 'public' });
}
