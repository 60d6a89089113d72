// Small zod building blocks shared by the domain schemas (form and import input arrives as text).
// Every free-text field goes through `lineText` or `multilineText` (or a helper built on them), so
// control and bidi characters never reach the table: see text/clean-text.ts.
import { z } from 'zod';
import { cleanMultilineText, cleanText } from './text/clean-text';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && cleanText(value).trim() === '' ? undefined : value;

/** A single-line text: controls and bidi controls out (a line break becomes a space), NFC, trimmed. */
export const lineText = () => z.string().overwrite(cleanText).trim();

/** A multi-line text (notes, descriptions, open answers): keeps tab and `\n` line ends, NFC, trimmed. */
export const multilineText = () => z.string().overwrite(cleanMultilineText).trim();

/** For a format check that comes after (e-mail, URL): a string input cleaned and trimmed first. */
export const cleanedInput = (value: unknown) => (typeof value === 'string' ? cleanText(value).trim() : value);

/** Optional single-line text: blank becomes undefined, surrounding white space is trimmed. */
export function optionalText(max: number) {
  return z.preprocess(blankToUndefined, lineText().max(max).optional());
}

/** Optional multi-line text: like `optionalText`, line breaks and tabs kept. */
export function optionalMultilineText(max: number, tooLong?: string) {
  return z.preprocess(
    blankToUndefined,
    multilineText()
      .max(max, tooLong ? { message: tooLong } : undefined)
      .optional(),
  );
}

/** A list of short texts: blanks dropped, duplicates removed, order kept. */
export function textList(maxItems: number, maxLength: number) {
  return z
    .array(lineText().max(maxLength))
    .max(maxItems)
    .transform((items) => [...new Set(items.filter((item) => item.length > 0))]);
}

export const isoInstantSchema = z.iso.datetime({ offset: false });

/** Bookkeeping fields every stored item carries. */
export const storedItemFields = {
  /** Schema version of the stored shape; the `migrate` runner upgrades older items. */
  sv: z.number().int().positive(),
};
