// Reads the first table of an uploaded spreadsheet: CSV (comma or semicolon separated, UTF-8 with
// or without a byte order mark) or XLSX (the first sheet). Every cell comes back as text. Every
// limit of import-limits.ts holds while reading (size before anything is parsed; inflated size,
// cell length, rows, columns and time during it), and the reading gives the event loop a turn
// every few milliseconds, so a server that reads a file keeps answering its other requests.
import { parse } from 'csv-parse';
import { ValidationError } from '../errors';
import {
  MAX_CELL_CHARS,
  MAX_HEADER_CHARS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  fileRefusals,
  readBudget,
  refuseFile,
  type ReadBudget,
} from './import-limits';
import { columnLetters } from '../handover/xlsx';
import { cleanMultilineText, cleanText } from '../text/clean-text';
import { readXlsxCells } from './xlsx-table';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-limits';

export interface Table {
  headers: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (row 1 holds the headers). */
  rows: string[][];
}

const CSV_SLICE = 64 * 1024;

async function readCsv(bytes: Buffer, budget: ReadBudget): Promise<string[][]> {
  // Slices of bytes, not of text: the parser joins a character split between two slices.
  const body = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? bytes.subarray(3) : bytes;
  const lineEnd = body.indexOf(0x0a);
  const firstLine = body.subarray(0, lineEnd < 0 ? body.length : lineEnd).toString('utf8');
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    // A field (or an unclosed quote) longer than this fails with CSV_MAX_RECORD_SIZE.
    max_record_size: MAX_CELL_CHARS,
  });
  const rows: string[][] = [];
  let failure: unknown;
  parser.on('readable', () => {
    let record: unknown;
    while ((record = parser.read()) !== null) rows.push(record as string[]);
  });
  parser.on('error', (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => parser.once('end', resolve).once('error', () => resolve()));
  for (let at = 0; at < body.length && failure === undefined; at += CSV_SLICE) {
    parser.write(body.subarray(at, at + CSV_SLICE));
    await budget.tick();
    if (rows.length > MAX_IMPORT_ROWS + 1) throw refuseFile(fileRefusals.tooManyRows());
    if ((rows.at(-1)?.length ?? 0) > MAX_IMPORT_COLUMNS) throw refuseFile(fileRefusals.tooManyColumns());
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) {
    if ((failure as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw refuseFile(fileRefusals.cellTooLong(undefined));
    }
    throw failure;
  }
  return rows;
}

// Cleaned as the importer reads it (clean-text.ts): the plan, the stored rows and the import all
// see the same text. A cell may hold a multi-line note; a header is one line.
const cellText = (value: string) => cleanMultilineText(value).trim();
const headerText = (value: string) => cleanText(value).trim();

/**
 * The table of `bytes` (XLSX when `fileName` ends in .xlsx, else CSV). Fails with a
 * ValidationError whose message names the limit the file went past, or says it is unreadable.
 */
export async function readTable(
  bytes: Buffer,
  fileName: string,
  budget: ReadBudget = readBudget(),
): Promise<Table> {
  if (bytes.length > MAX_IMPORT_BYTES) throw refuseFile(fileRefusals.tooLarge());
  let cells: string[][];
  try {
    cells = /\.xlsx$/i.test(fileName) ? await readXlsxCells(bytes, budget) : await readCsv(bytes, budget);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw refuseFile(fileRefusals.unreadable());
  }
  const [first, ...rest] = cells;
  const headers = (first ?? []).map(headerText);
  if (headers.every((h) => h === '')) throw refuseFile(fileRefusals.noHeaders());
  const longHeader = headers.findIndex((h) => h.length > MAX_HEADER_CHARS);
  if (longHeader >= 0) throw refuseFile(fileRefusals.headerTooLong(columnLetters(longHeader)));
  if (rest.length > MAX_IMPORT_ROWS) throw refuseFile(fileRefusals.tooManyRows());
  if (headers.length > MAX_IMPORT_COLUMNS || rest.some((row) => row.length > MAX_IMPORT_COLUMNS)) {
    throw refuseFile(fileRefusals.tooManyColumns());
  }
  return { headers, rows: rest.map((row) => row.map(cellText)) };
}
