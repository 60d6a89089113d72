// CSV as Finnish Excel opens it by a double click: UTF-8 with a byte order mark (so åäö show
// correctly), semicolons between fields (Excel's list separator in the Finnish locale), CRLF line
// ends. A text that starts like a formula (=, +, -, @, tab, carriage return) gets a leading
// apostrophe, so no spreadsheet ever runs it.

export const UTF8_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet shows as text: formula-looking values are prefixed with `'`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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
