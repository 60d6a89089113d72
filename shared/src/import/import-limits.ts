// How much of an uploaded spreadsheet the app is willing to read, and the messages that name each
// limit when a file goes past one. Pure: the web app's check job and `npm run import` share them.
import { ValidationError } from '../errors';
import { formatNumber } from '../i18n/format';
import type { Localised } from '../i18n/messages';

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
const thousands = formatNumber;

/** A refusal whose summary is its message, so a job that fails with it shows exactly that. */
export function refuseFile(message: Localised): ValidationError {
  return new ValidationError([{ field: 'file', message }], message);
}

export const fileRefusals = {
  unreadable: (): Localised => ({
    fi: 'Tiedostoa ei voitu lukea: tallenna se CSV- tai XLSX-muodossa.',
    en: 'The file could not be read: save it as CSV or XLSX.',
  }),
  tooLarge: (): Localised => ({
    fi: `Tiedosto on liian suuri (enintään ${mb(MAX_IMPORT_BYTES)} Mt). Jaa se osiin.`,
    en: `The file is too large (at most ${mb(MAX_IMPORT_BYTES)} MB). Split it into parts.`,
  }),
  inflatesTooLarge: (): Localised => ({
    fi: `Tiedosto on purettuna liian suuri (enintään ${mb(MAX_INFLATED_BYTES)} Mt). Jaa se osiin tai tallenna CSV-muodossa.`,
    en: `The file is too large when unpacked (at most ${mb(MAX_INFLATED_BYTES)} MB). Split it into parts or save it as CSV.`,
  }),
  cellTooLong: (where: { row: number; column: string } | undefined): Localised => ({
    fi: `${where ? `Solussa ${where.column}${where.row}` : 'Tiedoston solussa'} on yli ${thousands(MAX_CELL_CHARS, 'fi')} merkkiä (enintään ${thousands(MAX_CELL_CHARS, 'fi')} merkkiä solussa). Lyhennä se.`,
    en: `${where ? `Cell ${where.column}${where.row}` : 'A cell of the file'} has more than ${thousands(MAX_CELL_CHARS, 'en')} characters (at most ${thousands(MAX_CELL_CHARS, 'en')} characters a cell). Shorten it.`,
  }),
  tooManyRows: (): Localised => ({
    fi: `Tiedostossa on yli ${MAX_IMPORT_ROWS} riviä. Jaa se osiin.`,
    en: `The file has more than ${MAX_IMPORT_ROWS} rows. Split it into parts.`,
  }),
  tooManyColumns: (): Localised => ({
    fi: `Tiedostossa on yli ${MAX_IMPORT_COLUMNS} saraketta. Poista ylimääräiset sarakkeet.`,
    en: `The file has more than ${MAX_IMPORT_COLUMNS} columns. Remove the extra columns.`,
  }),
  tooSlow: (): Localised => ({
    fi: `Tiedoston lukeminen kesti liian kauan (yli ${MAX_READ_MS / 1000} s). Jaa se osiin tai tallenna CSV-muodossa.`,
    en: `Reading the file took too long (over ${MAX_READ_MS / 1000} s). Split it into parts or save it as CSV.`,
  }),
  headerTooLong: (column: string): Localised => ({
    fi: `Sarakkeen ${column} otsikossa on yli ${MAX_HEADER_CHARS} merkkiä. Lyhennä otsikko.`,
    en: `The header of column ${column} has more than ${MAX_HEADER_CHARS} characters. Shorten it.`,
  }),
  noHeaders: (): Localised => ({ fi: 'Tiedostossa ei ole otsikkoriviä.', en: 'The file has no header row.' }),
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
