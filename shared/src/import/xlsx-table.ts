// Reads the cells of an XLSX workbook's first sheet as text, with every limit enforced while it
// reads: the parts are inflated through zip-entries.ts, then the XML is scanned tag by tag (no
// document tree), a slice at a time, refusing a cell over the character limit, a row past the row
// limit or a column past the column limit as soon as it is met. Numbers come back as written,
// booleans as true/false, dates (number cells with a date format) as d.m.yyyy.
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from './import-limits';
import { fileRefusals, refuseFile, type ReadBudget } from './import-limits';
import { columnLetters } from '../handover/xlsx';
import { findEntry, inflateEntry, zipDirectory, type RunLimit, type ZipEntry } from './zip-entries';

// No part of a token may run past the next "<": malformed markup costs linear time, not quadratic.
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*?)(\/?)>|<[!?][^<>]*>|([^<]+)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TOKENS_PER_TICK = 2000;

type Attributes = Record<string, string>;

function attributesOf(text: string): Attributes {
  const attributes: Attributes = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    attributes[(match[1] as string).replace(/^.*:/, '')] = decodeXml(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 0xfffd);
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10) || 0xfffd);
    return entities[name] ?? whole;
  });
}

interface XmlHandlers {
  open?(name: string, attributes: Attributes, selfClosing: boolean): void;
  close?(name: string): void;
  /** Raw (still escaped) text between tags. */
  text?(raw: string): void;
}

/** Scans `xml` tag by tag, handing out names without their namespace prefix. */
async function scanXml(xml: string, handlers: XmlHandlers, budget: ReadBudget): Promise<void> {
  let count = 0;
  TOKEN.lastIndex = 0;
  for (const match of xml.matchAll(TOKEN)) {
    if (match[5] !== undefined) handlers.text?.(match[5]);
    else if (match[2] !== undefined) {
      const name = match[2].replace(/^.*:/, '');
      if (match[1]) handlers.close?.(name);
      else {
        const selfClosing = match[4] === '/';
        handlers.open?.(name, match[3] ? attributesOf(match[3]) : {}, selfClosing);
        if (selfClosing) handlers.close?.(name);
      }
    }
    if (++count % TOKENS_PER_TICK === 0) await budget.tick();
  }
  await budget.tick();
}

/** Text over the cell limit, refused before it is decoded (escaping makes raw text at most 10× longer). */
function checkCell(text: string, where?: { row: number; column: string }): string {
  if (text.length > MAX_CELL_CHARS) throw refuseFile(fileRefusals.cellTooLong(where));
  return text;
}

async function sharedStrings(xml: string, budget: ReadBudget): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  await scanXml(
    xml,
    {
      open(name, _attributes, selfClosing) {
        if (name === 'si') current = '';
        else if (name === 't' && !selfClosing) inText = true;
        else if (name === 'rPh') phonetic++;
      },
      close(name) {
        if (name === 'si') {
          strings.push(current ?? '');
          current = undefined;
        } else if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
      },
      text(raw) {
        if (current === undefined || !inText || phonetic > 0) return;
        if (raw.length > MAX_CELL_CHARS * 10) throw refuseFile(fileRefusals.cellTooLong(undefined));
        current = checkCell(current + decodeXml(raw));
      },
    },
    budget,
  );
  return strings;
}

// Built-in number formats that show a date (ECMA-376 18.8.30 and the East Asian ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}

/** For each cell style index, whether it shows a date. */
async function dateStyles(xml: string, budget: ReadBudget): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await scanXml(
    xml,
    {
      open(name, attributes) {
        if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formats.push(Number(attributes.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    budget,
  );
  return formats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
  });
}

/** A, B, … Z, AA: the column index of a cell reference's letters. */
function columnIndex(reference: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference)?.[1]?.toUpperCase();
  if (!letters) return undefined;
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Serial 60 is the 29th of February 1900 that never was; Excel counts it, so days after it shift.
  const date = new Date(Date.UTC(1899, 11, days >= 60 ? 30 : 31) + days * 86_400_000);
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

async function sheetCells(
  xml: string,
  context: { strings: string[]; dates: boolean[]; date1904: boolean },
  budget: ReadBudget,
): Promise<string[][]> {
  const rows: string[][] = [];
  let rowIndex = -1;
  let nextColumn = 0;
  let cell: CellState | undefined;
  let collect: 'value' | 'inline' | undefined;
  let phonetic = 0;
  const where = () => ({ row: rowIndex + 1, column: columnLetters(cell?.column ?? 0) });

  const finish = (state: CellState): string => {
    const raw = state.value.trim();
    switch (state.type) {
      case 's':
        return context.strings[Number(raw)] ?? '';
      case 'inlineStr':
        return state.inline;
      case 'str':
      case 'e':
        return state.value;
      case 'b':
        return raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
      case 'd': {
        const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
        return date ? `${Number(date[3])}.${Number(date[2])}.${date[1]}` : raw;
      }
      default: {
        const number = Number(raw);
        if (raw === '' || !Number.isFinite(number)) return raw;
        return context.dates[state.style] ? serialDate(number, context.date1904) : String(number);
      }
    }
  };

  await scanXml(
    xml,
    {
      open(name, attributes, selfClosing) {
        if (name === 'row') {
          const number = Number(attributes.r);
          rowIndex = Number.isInteger(number) && number > rowIndex + 1 ? number - 1 : rowIndex + 1;
          if (rowIndex > MAX_IMPORT_ROWS) throw refuseFile(fileRefusals.tooManyRows());
          nextColumn = 0;
        } else if (name === 'c') {
          const column = columnIndex(attributes.r ?? '') ?? nextColumn;
          if (column >= MAX_IMPORT_COLUMNS) throw refuseFile(fileRefusals.tooManyColumns());
          nextColumn = column + 1;
          cell = {
            column,
            type: attributes.t ?? 'n',
            style: Number(attributes.s ?? 0),
            value: '',
            inline: '',
          };
        } else if (cell && !selfClosing) {
          if (name === 'v') collect = 'value';
          else if (name === 't' && cell.type === 'inlineStr') collect = 'inline';
          else if (name === 'rPh') phonetic++;
        }
      },
      close(name) {
        if (name === 'c' && cell) {
          const text = checkCell(finish(cell), where()).trim();
          if (text !== '') {
            const row = (rows[rowIndex] ??= []);
            while (row.length < cell.column) row.push('');
            row[cell.column] = text;
          }
          cell = undefined;
        } else if (name === 'v' || name === 't') collect = undefined;
        else if (name === 'rPh') phonetic--;
      },
      text(raw) {
        if (!cell || !collect || phonetic > 0) return;
        if (raw.length > MAX_CELL_CHARS * 10) throw refuseFile(fileRefusals.cellTooLong(where()));
        cell[collect] = checkCell(cell[collect] + decodeXml(raw), where());
      },
    },
    budget,
  );
  const result: string[][] = [];
  for (let i = 0; i < rows.length; i++) result.push(rows[i] ?? []);
  return result;
}

// Text between two tags longer than this cannot be a cell within the limit, however it is escaped
// (a character is at most 10 bytes as `&#1114111;`): refused while inflating, naming the cell when
// the sheet says which one it is.
const textRunLimit: RunLimit = {
  byte: 0x3c, // <
  max: MAX_CELL_CHARS * 10,
  refusal(before) {
    const cells = [...before.toString('utf8').matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"/g)];
    const last = cells.at(-1);
    return refuseFile(
      fileRefusals.cellTooLong(last ? { column: last[1] as string, row: Number(last[2]) } : undefined),
    );
  },
};

const relationships = async (xml: string, budget: ReadBudget) => {
  const found: { id: string; type: string; target: string }[] = [];
  await scanXml(
    xml,
    {
      open(name, a) {
        if (name === 'Relationship')
          found.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' });
      },
    },
    budget,
  );
  return found;
};

/** `target` of a relationship from xl/workbook.xml, as a path inside the archive. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * The first sheet's cells, row by row (`cells[0]` is spreadsheet row 1). Refuses, naming the
 * limit, a workbook that inflates past MAX_INFLATED_BYTES (declared or actual), a cell over
 * MAX_CELL_CHARS, more rows or columns than allowed, or reading for longer than the time limit;
 * anything else it cannot read is refused as unreadable.
 */
export async function readXlsxCells(bytes: Buffer, budget: ReadBudget): Promise<string[][]> {
  const entries = zipDirectory(bytes);
  const unreadable = () => refuseFile(fileRefusals.unreadable());
  const workbookEntry = findEntry(entries, 'xl/workbook.xml');
  const relsEntry = findEntry(entries, 'xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) throw unreadable();

  let remaining = MAX_INFLATED_BYTES;
  const read = async (entry: ZipEntry, cells = false) => {
    const data = await inflateEntry(bytes, entry, remaining, budget, cells ? textRunLimit : undefined);
    remaining -= data.length;
    return data.toString('utf8');
  };
  const workbookXml = await read(workbookEntry);
  const rels = await relationships(await read(relsEntry), budget);
  let firstSheet: string | undefined;
  let date1904 = false;
  await scanXml(
    workbookXml,
    {
      open(name, a) {
        if (name === 'sheet' && firstSheet === undefined) firstSheet = a.id ?? '';
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    },
    budget,
  );
  const sheetRel = rels.find((r) => r.id === firstSheet);
  const sheetEntry = sheetRel ? findEntry(entries, partPath(sheetRel.target)) : undefined;
  if (!sheetEntry) throw unreadable();
  const partOf = (type: string) => {
    const rel = rels.find((r) => r.type.endsWith(`/${type}`));
    return rel ? findEntry(entries, partPath(rel.target)) : undefined;
  };
  const stringsEntry = partOf('sharedStrings');
  const stylesEntry = partOf('styles');
  // Declared sizes first: a workbook claiming more than the limit is refused before inflating.
  const declared = [sheetEntry, stringsEntry, stylesEntry].reduce((sum, e) => sum + (e?.size ?? 0), 0);
  if (declared > remaining) throw refuseFile(fileRefusals.inflatesTooLarge());

  const strings = stringsEntry ? await sharedStrings(await read(stringsEntry, true), budget) : [];
  const dates = stylesEntry ? await dateStyles(await read(stylesEntry), budget) : [];
  return sheetCells(await read(sheetEntry, true), { strings, dates, date1904 }, budget);
}
