// Finnish alphabetical order for people: å, ä, ö come last, v and w differ, ü sorts as y.
// DynamoDB orders keys by UTF-8 bytes (ä before å, upper before lower case), so names that are
// listed from an index carry a collation key whose byte order follows Intl.Collator('fi').
import { cleanText } from './clean-text';

const collator = new Intl.Collator('fi');

export function compareFinnish(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortFinnish<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}

// CLDR root order of ASCII punctuation and symbols, which the Finnish tailoring keeps.
const PUNCTUATION_ORDER = `_-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$`;
const PUNCTUATION_BASE = 0x21; // ends at 0x41, below the digits' range
const DIGIT_BASE = 0x50;
const LETTERS_AFTER_Z: Record<string, string> = { å: '{', ä: '|', ö: '}', æ: '|', ø: '}' };
const FOLDED: Record<string, string> = { ü: 'y', ß: 'ss', '–': '-', '—': '-' };
const MAX_KEY_CHARS = 200;

/** A string whose code-point (and so UTF-8 byte) order equals Finnish primary-strength order. */
export function finnishCollationKey(name: string): string {
  let key = '';
  for (const raw of name.toLocaleLowerCase('fi').normalize('NFC')) {
    const char = FOLDED[raw] ?? raw;
    if (LETTERS_AFTER_Z[char]) {
      key += LETTERS_AFTER_Z[char];
    } else if (/\s/u.test(char)) {
      key += ' ';
    } else if (char >= '0' && char <= '9') {
      key += String.fromCharCode(DIGIT_BASE + Number(char));
    } else if (PUNCTUATION_ORDER.includes(char)) {
      key += String.fromCharCode(PUNCTUATION_BASE + PUNCTUATION_ORDER.indexOf(char));
    } else {
      // Other accented Latin letters sort with their base letter (é = e).
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      key += base.length > 0 ? (FOLDED[base] ?? base) : char;
    }
    if (key.length >= MAX_KEY_CHARS) break;
  }
  return key.slice(0, MAX_KEY_CHARS);
}

/**
 * Collapse runs of white space so that names written carelessly compare and display alike; control
 * and bidi characters are taken out first (clean-text.ts), so every name field is clean.
 */
export function tidyName(name: string): string {
  return cleanText(name).replace(/\s+/gu, ' ').trim();
}
