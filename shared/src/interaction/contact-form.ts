// The "log a contact" form as people fill it in (plain strings from a form post) turned into the
// input of logContact: quick picks become due dates, an untouched outcome gets the kind's default,
// and a contact logged for today gets the current time. A follow-up that was typed is never dropped
// because of the quick pick left beside it: a typed date is the date, anything else unclear is asked.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { followUpQuickPicks, quickDueDate, type FollowUpQuickPick } from '../follow-up/follow-up';
import { localised, t } from '../i18n/messages';
import { helsinkiDate, helsinkiInstant } from '../time/helsinki';
import { interactionKinds, outcomesByKind, type InteractionKind } from './interaction.schema';

const text = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());

export const contactFormSchema = z.object({
  id: text,
  kind: z.preprocess((v) => (v === '' || v === undefined ? 'call' : v), z.enum(interactionKinds)),
  outcome: text,
  occurredOn: text,
  notes: text,
  topics: text,
  personIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())),
  followUp: z.preprocess((v) => (v === '' || v === undefined ? 'none' : v), z.enum(followUpQuickPicks)),
  followUpDate: text,
  followUpTitle: text,
  completesFollowUpId: text,
});
export type ContactForm = z.output<typeof contactFormSchema>;

/** The outcome a contact of this kind gets when nobody picks one. */
export function defaultOutcome(kind: InteractionKind): string {
  return outcomesByKind[kind][0] as string;
}

/** Reads a submitted form (FormData entries) into plain values; repeated keys become lists. */
export function formValues(entries: Iterable<[string, unknown]>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string') continue;
    const existing = values[key];
    values[key] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return values;
}

/**
 * The follow-up the form asks for. "No follow-up" with a typed date means that date; with only a
 * text it is a question back (when?); a quick pick beside a typed date is asked about too (which?).
 */
function chosenFollowUp(form: ContactForm): FollowUpQuickPick {
  const date = form.followUpDate?.trim() ?? '';
  const title = form.followUpTitle?.trim() ?? '';
  const ask = (message: ReturnType<typeof localised>) => {
    throw new ValidationError([{ field: 'nextFollowUp.due', message }]);
  };
  if (form.followUp === 'none') {
    if (date !== '') return 'custom';
    if (title !== '') ask(localised('msg:contact.followUpWhen'));
    return 'none';
  }
  if (form.followUp !== 'custom' && date !== '') {
    const pick = `contact.followUp.${form.followUp}` as const;
    ask({
      fi: t('fi', 'msg:contact.followUpTwoDates', { pick: t('fi', pick) }),
      en: t('en', 'msg:contact.followUpTwoDates', { pick: t('en', pick) }),
    });
  }
  return form.followUp;
}

/**
 * Maps the form to logContact's input; validation of the result is logContact's job, except for a
 * follow-up the form leaves unclear (a ValidationError on `nextFollowUp.due`).
 */
export function contactFormToInput(
  form: ContactForm,
  associationId: string,
  now: Date,
): Record<string, unknown> {
  const today = helsinkiDate(now);
  const occurredOn = form.occurredOn?.trim() || today;
  const occurredAt =
    occurredOn === today
      ? now.toISOString()
      : /^\d{4}-\d{2}-\d{2}$/.test(occurredOn)
        ? helsinkiInstant(occurredOn, 12).toISOString()
        : occurredOn;
  const pick = chosenFollowUp(form);
  const due = quickDueDate(pick, now, form.followUpDate?.trim() || '');
  return {
    interaction: {
      id: form.id,
      associationId,
      kind: form.kind,
      occurredAt,
      outcome: form.outcome?.trim() ? form.outcome : defaultOutcome(form.kind),
      notes: form.notes,
      topics: (form.topics ?? '')
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
      personIds: form.personIds,
    },
    ...(due !== undefined
      ? {
          nextFollowUp: {
            due,
            title: form.followUpTitle,
            // The year-end pick is the revisit: "what happened after the meeting?"
            ...(pick === 'year_end' ? { purpose: 'revisit' } : {}),
          },
        }
      : {}),
    ...(pick === 'custom' && due === '' ? { nextFollowUp: { due: '' } } : {}),
    completesFollowUpId: form.completesFollowUpId,
  };
}
