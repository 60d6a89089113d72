// Feedback on an event: answers on the 4-point scale and open answers, checked against the event's
// own questions (a form field the event does not ask is refused), and their distribution. Pure:
// the browser's feedback form uses it too; event-feedback.store.ts stores what these rules accept.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { optionalMultilineText } from '../schema-helpers';
import { parseInput } from '../validation';
import { likertValues, type Event, type Feedback, type LikertValue } from './event.schema';

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
  const open = optionalMultilineText(OPEN_ANSWER_MAX, 'msg:feedback.tooLong');
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
