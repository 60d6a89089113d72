// Small zod building blocks shared by the domain schemas (form and import input arrives as text).
import { z } from 'zod';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Optional free text: blank becomes undefined, surrounding white space is trimmed. */
export function optionalText(max: number) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
}

/** A list of short texts: blanks dropped, duplicates removed, order kept. */
export function textList(maxItems: number, maxLength: number) {
  return z
    .array(z.string().trim().max(maxLength))
    .max(maxItems)
    .transform((items) => [...new Set(items.filter((item) => item.length > 0))]);
}

export const isoInstantSchema = z.iso.datetime({ offset: false });

/** Bookkeeping fields every stored item carries. */
export const storedItemFields = {
  /** Schema version of the stored shape; the `migrate` runner upgrades older items. */
  sv: z.number().int().positive(),
};
