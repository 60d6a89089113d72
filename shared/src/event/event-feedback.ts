// Feedback on an event: answers on the 4-point scale and open answers, checked against the event's
// own questions (a form field the event does not ask is refused), and their distribution. The
// rules are pure; recordFeedback stores one answer set, submitPublicFeedback one sent through the
// public link (throttled and single-use, counted before anything is stored).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { putIfAbsent } from '../association/association.store';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { keys } from '../db/table';
import { TooManyRequestsError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { consumeAttempt, consumeAttempts, feedbackLimits, type ThrottleRule } from '../user/throttle.store';
import { parseId, parseInput } from '../validation';
import {
  FEEDBACK_SCHEMA_VERSION,
  likertValues,
  type Event,
  type Feedback,
  type LikertValue,
} from './event.schema';
import { feedbackItem } from './event.store';
import { stampUseRule } from './feedback-stamp';

export const OPEN_ANSWER_MAX = 2000;

/** Form field names: `q-<question id>` holds 1–4, `o-<question id>` an open answer. */
export const likertField = (id: string) => `q-${id}`;
export const openField = (id: string) => `o-${id}`;

function feedbackSchema(event: Pick<Event, 'questions' | 'openQuestions'>) {
  const likert = z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z
      .number()
      .refine((n): n is LikertValue => (likertValues as readonly number[]).includes(n), {
        message: 'msg:feedback.scale',
      })
      .optional(),
  );
  const open = z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v),
    z.string().max(OPEN_ANSWER_MAX, { message: 'msg:feedback.tooLong' }).optional(),
  );
  return z.object({
    ...Object.fromEntries(event.questions.map((q) => [likertField(q.id), likert])),
    ...Object.fromEntries(event.openQuestions.map((q) => [openField(q.id), open])),
  });
}

/** The answers of a submitted feedback form; nothing answered, or a value off the scale, is refused. */
export function parseFeedbackForm(
  event: Pick<Event, 'questions' | 'openQuestions'>,
  values: Record<string, unknown>,
): Pick<Feedback, 'answers' | 'open'> {
  const parsed = parseInput(feedbackSchema(event), values) as Record<string, number | string | undefined>;
  const answers: Record<string, LikertValue> = {};
  for (const q of event.questions) {
    const value = parsed[likertField(q.id)];
    if (typeof value === 'number') answers[q.id] = value as LikertValue;
  }
  const open: Record<string, string> = {};
  for (const q of event.openQuestions) {
    const value = parsed[openField(q.id)];
    if (typeof value === 'string') open[q.id] = value;
  }
  if (Object.keys(answers).length === 0 && Object.keys(open).length === 0) {
    throw new ValidationError([{ field: 'feedback', message: localised('msg:feedback.empty') }]);
  }
  return { answers, open };
}

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

export interface QuestionDistribution {
  questionId: string;
  /** Answers with 1, 2, 3 and 4. */
  counts: [number, number, number, number];
  answered: number;
  /** Mean on the 1–4 scale, undefined without answers. */
  mean?: number;
}

/** How the answers fall on the scale, question by question. */
export function distribution(
  questions: readonly { id: string }[],
  feedback: readonly Pick<Feedback, 'answers'>[],
): QuestionDistribution[] {
  return questions.map((q) => {
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    for (const f of feedback) {
      const value = f.answers[q.id];
      if (value) counts[value - 1] = (counts[value - 1] ?? 0) + 1;
    }
    const answered = counts.reduce((a, b) => a + b, 0);
    const sum = counts.reduce((total, count, i) => total + count * (i + 1), 0);
    return { questionId: q.id, counts, answered, ...(answered ? { mean: sum / answered } : {}) };
  });
}
