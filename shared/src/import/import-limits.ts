// How much of an uploaded spreadsheet the app is willing to read, and the messages that name each
// limit when a file goes past one. Pure: the web app's check job and `npm run import` share them.
import { ValidationError } from '../errors';
import { formatNumber } from '../i18n/format';
import { inEachLanguage, localised, t, type Localised } from '../i18n/messages';

/** The uploaded file itself (compressed, for XLSX). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Data rows below the header. */
export const MAX_IMPORT_ROWS = 5000;
/** Columns of the table (a sheet may claim up to 16 384). */
export const MAX_IMPORT_COLUMNS = 200;
/** Characters in one header (headers and examples are kept on the import's item, itself bounded). */
export const MAX_HEADER_CHARS = 200;
/** Characters in one cell (the longest field, an association's notes, takes 5 000). */
export const MAX_CELL_CHARS = 10_000;
/** Bytes an XLSX may inflate to, all the parts that are read added up (declared and actual). */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** Time the reading of one file may take, whatever its size. */
export const MAX_READ_MS = 20_000;

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** A refusal whose summary is its message, so a job that fails with it shows exactly that. */
export function refuseFile(message: Localised): ValidationError {
  return new ValidationError([{ field: 'file', message }], message);
}

export const fileRefusals = {
  unreadable: (): Localised => localised('importLimits.unreadable'),
  tooLarge: (): Localised => localised('importLimits.tooLarge', { megabytes: mb(MAX_IMPORT_BYTES) }),
  inflatesTooLarge: (): Localised =>
    localised('importLimits.inflatesTooLarge', { megabytes: mb(MAX_INFLATED_BYTES) }),
  cellTooLong: (where: { row: number; column: string } | undefined): Localised =>
    inEachLanguage((locale) => {
      const chars = formatNumber(MAX_CELL_CHARS, locale);
      return where
        ? t(locale, 'importLimits.cellTooLong', { cell: `${where.column}${where.row}`, chars })
        : t(locale, 'importLimits.someCellTooLong', { chars });
    }),
  tooManyRows: (): Localised => localised('importLimits.tooManyRows', { rows: MAX_IMPORT_ROWS }),
  tooManyColumns: (): Localised => localised('importLimits.tooManyColumns', { columns: MAX_IMPORT_COLUMNS }),
  tooSlow: (): Localised => localised('importLimits.tooSlow', { seconds: MAX_READ_MS / 1000 }),
  headerTooLong: (column: string): Localised =>
    localised('importLimits.headerTooLong', { column, chars: MAX_HEADER_CHARS }),
  noHeaders: (): Localised => localised('importLimits.noHeaders'),
};

/**
 * Bounds the time a read takes and keeps the process responsive: `tick()` gives the event loop a
 * turn every few milliseconds of work and refuses the file once the time limit has passed.
 */
export interface ReadBudget {
  tick(): Promise<void>;
}

export function readBudget(
  options: { limitMs?: number; sliceMs?: number; now?: () => number } = {},
): ReadBudget {
  const now = options.now ?? (() => performance.now());
  const limit = options.limitMs ?? MAX_READ_MS;
  const slice = options.sliceMs ?? 8;
  const started = now();
  let sliceStart = started;
  return {
    async tick() {
      const at = now();
      if (at - started > limit) throw refuseFile(fileRefusals.tooSlow());
      if (at - sliceStart < slice) return;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = now();
    },
  };
}
