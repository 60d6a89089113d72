// CSV as Finnish Excel opens it by a double click: UTF-8 with a byte order mark (so åäö show
// correctly), semicolons between fields (Excel's list separator in the Finnish locale), CRLF line
// ends. A text that starts like a formula (=, +, -, @, tab, carriage return, also their fullwidth
// ＝＋－＠ and small ﹦﹢﹣﹫ forms, which spreadsheets read as the plain ones, and after leading
// spaces or invisible characters) gets a leading apostrophe, so no spreadsheet ever runs it.
// Control and bidi characters are taken out of every text (clean-text.ts), line breaks kept.

export const UTF8_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

import { cleanMultilineText } from '../text/clean-text';

const FORMULA_START =
  /^[\s\u200B-\u200F\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]|^[\t\r]/u;

/** A text a spreadsheet shows as text: cleaned, and formula-looking values are prefixed with `'`. */
export function neutralise(text: string): string {
  const clean = cleanMultilineText(text);
  // Judged before and after cleaning: a leading carriage return becomes a line feed.
  return FORMULA_START.test(text) || FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** One field: lists joined with ", ", text neutralised, quoted when it holds a separator, quote or line break. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutralise(Array.isArray(value) ? value.map(String).join(', ') : String(value));
  return /[";\r\n,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}
