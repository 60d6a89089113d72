// The text rule of clean-text.ts applied to a whole stored record: what the handover import
// writes and what the text migration rewrites. Key attributes are never touched (U+0001 is the
// index key separator there); multi-line attributes keep their line breaks.
import { cleanMultilineText, cleanText } from '../text/clean-text';
import { keyAttributes } from './table';

/** The item types that hold text people or imports gave (logs, jobs, tokens and counters do not). */
export const textItemTypes = [
  'workspace',
  'association',
  'person',
  'membership',
  'interaction',
  'followUp',
  'stageChange',
  'user',
  'member',
  'campaign',
  'campaignRow',
  'event',
  'registration',
  'feedback',
] as const;

/** Attributes written from a multi-line field; `open` holds a feedback's open answers. */
const MULTILINE_ATTRIBUTES = new Set(['notes', 'description', 'open']);

function cleanValue(value: unknown, multiline: boolean): unknown {
  if (typeof value === 'string') return multiline ? cleanMultilineText(value) : cleanText(value);
  if (Array.isArray(value)) return value.map((item) => cleanValue(item, multiline));
  if (value instanceof Set) return new Set([...value].map((item) => cleanValue(item, multiline)));
  // Plain objects only: a binary attribute (Uint8Array) is not text.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [name, cleanValue(inner, multiline)]),
    );
  }
  return value;
}

/** A copy of `item` whose every text attribute (nested ones too) is cleaned; keys stay as they are. */
export function cleanStoredText<T extends Record<string, unknown>>(item: T): T {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) =>
      (keyAttributes as readonly string[]).includes(name)
        ? [name, value]
        : [name, cleanValue(value, MULTILINE_ATTRIBUTES.has(name))],
    ),
  ) as T;
}
