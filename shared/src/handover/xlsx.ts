// A minimal SpreadsheetML (.xlsx) writer for the handover workbook: one sheet per file, text as
// inline strings (neutralised like the CSV), numbers and booleans typed. Rows are written as XML
// fragments while the data is read, then each sheet is streamed into the workbook zip, so memory
// stays flat. (The maintained XLSX libraries either build the workbook in memory or bring stale
// dependencies; the format needed here is small and fixed.)
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Zip, ZipDeflate } from 'fflate';
import { neutralise } from './csv';

// Characters XML 1.0 cannot carry at all.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A, B, … Z, AA, AB, …: the column letters of a cell reference. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function cell(value: unknown, ref: string): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = neutralise(Array.isArray(value) ? value.map(String).join(', ') : String(value));
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Row `rowNumber` (1 = the header) as a sheet XML fragment; empty cells are left out. */
export function xlsxRow(values: readonly unknown[], rowNumber: number): string {
  const cells = values.map((value, i) => cell(value, `${columnLetters(i)}${rowNumber}`)).join('');
  return `<row r="${rowNumber}">${cells}</row>\n`;
}

export interface XlsxSheet {
  /** At most 31 characters, none of []:*?/\ */
  name: string;
  /** A file of `xlsxRow` fragments, header row first. */
  rowsFile: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function staticParts(sheets: readonly XlsxSheet[]): Record<string, string> {
  const sheetIds = sheets.map((_, i) => i + 1);
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheetIds
        .map(
          (id) =>
            `<Override PartName="/xl/worksheets/sheet${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      sheets
        .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheetIds
        .map(
          (id) => `<Relationship Id="rId${id}" Type="${REL}/worksheet" Target="worksheets/sheet${id}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
      '<cellXfs count="1"><xf/></cellXfs></styleSheet>',
  };
}

/** Writes the workbook to `file`, streaming each sheet's rows from its fragment file. */
export async function writeXlsx(file: string, sheets: readonly XlsxSheet[]): Promise<void> {
  const out = createWriteStream(file);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final) out.end();
  });
  const encoder = new TextEncoder();
  const addText = (path: string, text: string) => {
    const entry = new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(text), true);
  };
  for (const [path, text] of Object.entries(staticParts(sheets))) addText(path, text);
  for (const [i, sheet] of sheets.entries()) {
    const entry = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(`${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>\n`));
    for await (const chunk of createReadStream(sheet.rowsFile)) {
      entry.push(chunk as Uint8Array);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    entry.push(encoder.encode('</sheetData></worksheet>'), true);
  }
  zip.end();
  if (failure) throw failure;
  if (!out.writableFinished) await once(out, 'finish');
}
