// Events (tapahtumat): small markets, workshops, trainings, forums, live broadcasts; people register
// (with their association, dietary and accessibility needs), attendance is marked on the day, and
// feedback is collected on a 4-point scale with open answers, by staff or through a public link.
import { z } from 'zod';
import { idSchema } from '../ids';
import { optionalMultilineText, optionalText } from '../schema-helpers';
import { plausibleDateSchema } from '../time/plausible-dates';
import { tidyName } from '../text/finnish-collation';

export const EVENT_SCHEMA_VERSION = 1;
export const REGISTRATION_SCHEMA_VERSION = 1;
export const FEEDBACK_SCHEMA_VERSION = 1;

export const eventKinds = ['pienmarkkinat', 'tyopaja', 'oppikoulu', 'foorumi', 'live', 'muu'] as const;
export type EventKind = (typeof eventKinds)[number];

/** The 4-point scale: 1 täysin eri mieltä, 2 jokseenkin eri mieltä, 3 jokseenkin samaa mieltä, 4 täysin samaa mieltä. */
export const likertValues = [1, 2, 3, 4] as const;
export type LikertValue = (typeof likertValues)[number];

export interface Question {
  id: string;
  fi: string;
  en: string;
}

/** The statements every event's feedback asks, copied into the event so later changes keep old answers readable. */
export const defaultLikertQuestions: readonly Question[] = [
  { id: 'useful', fi: 'Tapahtuma oli minulle hyödyllinen.', en: 'The event was useful to me.' },
  { id: 'learned', fi: 'Sain uutta tietoa tai ideoita.', en: 'I got new information or ideas.' },
  {
    id: 'network',
    fi: 'Tapasin toimijoita, joiden kanssa voin tehdä yhteistyötä.',
    en: 'I met people I can work with.',
  },
  { id: 'organised', fi: 'Tapahtuma oli hyvin järjestetty.', en: 'The event was well organised.' },
];

export const defaultOpenQuestions: readonly Question[] = [
  { id: 'best', fi: 'Mikä oli parasta?', en: 'What was best?' },
  { id: 'wishes', fi: 'Mitä toivoisit jatkossa?', en: 'What would you like next time?' },
];

const requiredName = z
  .string({ message: 'msg:name.required' })
  .transform(tidyName)
  .pipe(z.string().min(1, { message: 'msg:name.required' }).max(200, { message: 'msg:name.tooLong' }));

export const eventInputSchema = z.object({
  name: requiredName,
  kind: z.enum(eventKinds, { message: 'msg:field.unknown' }),
  date: plausibleDateSchema('other'),
  startTime: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'msg:time.format' })
      .optional(),
  ),
  place: optionalText(200),
  municipality: optionalText(60),
  theme: optionalText(300),
  description: optionalMultilineText(2000),
});
export type EventInput = z.output<typeof eventInputSchema>;

export interface Event extends EventInput {
  sv: number;
  id: string;
  workspaceId: string;
  questions: Question[];
  openQuestions: Question[];
  /** The public feedback link's secret (only its hash is the lookup key). */
  feedbackToken: string;
  feedbackOpen: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
}

export const registrationInputSchema = z.object({
  /** Who comes: typed, or taken from the person when one is chosen. */
  name: optionalText(200),
  associationId: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  personId: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.email().max(200).optional(),
  ),
  /** Dietary needs, as the person said them (may be health data: deleted with the registration). */
  dietary: optionalText(500),
  /** Accessibility needs (may be health data). */
  accessibility: optionalText(500),
});
export type RegistrationInput = z.output<typeof registrationInputSchema>;

export interface Registration {
  sv: number;
  id: string;
  eventId: string;
  workspaceId: string;
  name: string;
  associationId?: string;
  personId?: string;
  email?: string;
  dietary?: string;
  accessibility?: string;
  attended: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  /** Set when the person was erased: the registration stays as a count, without personal data. */
  erasedAt?: string;
}

export interface Feedback {
  sv: number;
  id: string;
  eventId: string;
  workspaceId: string;
  /** Likert question id → 1..4; questions left unanswered are absent. */
  answers: Record<string, LikertValue>;
  /** Open question id → text. */
  open: Record<string, string>;
  source: 'staff' | 'public';
  createdAt: string;
}
