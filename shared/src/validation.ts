// Parses untrusted input with a zod schema and turns failures into a ValidationError whose
// field messages exist in Finnish and English. Custom rules name a catalogue key as `msg:<key>`.
import { z } from 'zod';
import { ValidationError, type FieldError } from './errors';
import { localised, localisedIfKey, type Localised } from './i18n/messages';
import { idSchema } from './ids';

const finnish = z.locales.fi().localeError;
const english = z.locales.en().localeError;

function messageOf(text: string): Localised | undefined {
  return text.startsWith('msg:') ? localisedIfKey(text) : undefined;
}

function fieldErrors(fi: z.core.$ZodIssue[], en: z.core.$ZodIssue[]): FieldError[] {
  const errors = fi.map((issue, index) => {
    const field = issue.path.map(String).join('.') || '_';
    const custom = messageOf(issue.message);
    // Issue values are never copied into messages: they may hold personal data.
    return { field, message: custom ?? { fi: issue.message, en: en[index]?.message ?? issue.message } };
  });
  // One message per field: the first rule that failed says what to fix first.
  return errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index);
}

/** Parse or throw a ValidationError listing every invalid field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: finnish });
  if (result.success) return result.data;
  const inEnglish = schema.safeParse(input, { error: english });
  const enIssues = inEnglish.success ? [] : inEnglish.error.issues;
  throw new ValidationError(fieldErrors(result.error.issues, enIssues));
}

/** The version a change was based on (optimistic locking): a whole number from 1. */
export const expectedVersionSchema = z.coerce.number().int().positive();

/**
 * Validates the version a form or request says it was based on, before it reaches a condition
 * expression. It is a hidden field, so the message is a summary, not a field error.
 */
export function parseExpectedVersion(value: unknown): number {
  const result = expectedVersionSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError([], localised('msg:version.invalid'));
}

/** Validates an id that came from outside (URL, form, import) before it can reach a key. */
export function parseId(value: unknown, field = 'id'): string {
  return parseInput(z.object({ [field]: idSchema }), { [field]: value })[field] as string;
}
