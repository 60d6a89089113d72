// Reads the first table of an uploaded spreadsheet: CSV (comma or semicolon separated, UTF-8 with
// or without a byte order mark) or XLSX (the first sheet). Every cell comes back as text. Files are
// capped in size and rows before anything is parsed.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ValidationError } from '../errors';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export interface Table {
  headers: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (row 1 holds the headers). */
  rows: string[][];
}

const refuse = (fi: string, en: string) => new ValidationError([{ field: 'file', message: { fi, en } }]);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCDate()}.${value.getUTCMonth() + 1}.${value.getUTCFullYear()}`;
  }
  return String(value).trim();
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
}

export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw refuse(
      `Tiedosto on liian suuri (enintään ${MAX_IMPORT_BYTES / 1024 / 1024} Mt). Jaa se osiin.`,
      `The file is too large (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Split it into parts.`,
    );
  }
  let cells: string[][];
  try {
    cells = /\.xlsx$/i.test(fileName)
      ? (await readSheet(bytes)).map((row) => row.map(cellText))
      : readCsv(bytes).map((row) => row.map(cellText));
  } catch {
    throw refuse(
      'Tiedostoa ei voitu lukea: tallenna se CSV- tai XLSX-muodossa.',
      'The file could not be read: save it as CSV or XLSX.',
    );
  }
  const [headers, ...rows] = cells;
  if (!headers || headers.every((h) => h === '')) {
    throw refuse('Tiedostossa ei ole otsikkoriviä.', 'The file has no header row.');
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw refuse(
      `Tiedostossa on yli ${MAX_IMPORT_ROWS} riviä. Jaa se osiin.`,
      `The file has more than ${MAX_IMPORT_ROWS} rows. Split it into parts.`,
    );
  }
  return { headers, rows };
}
