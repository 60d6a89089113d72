import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx, xlsxRow } from '../handover/xlsx';
import { MAX_CELL_CHARS, MAX_INFLATED_BYTES, readBudget } from './import-limits';
import { readTable } from './read-table';
import { zipDirectory } from './zip-entries';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as Excel writes one: shared strings, a date style, a 1904 flag when asked. */
function excelLike(sheetData: string, options: { strings?: string[]; date1904?: boolean } = {}): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}` +
        '<sheets><sheet name="Lista" sheetId="1" r:id="rId7"/><sheet name="Muu" sheetId="2" r:id="rId8"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships><Relationship Id="rId8" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId7" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId10" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\.m\\.yyyy"/></numFmts>` +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst xmlns="${MAIN}">${(options.strings ?? [])
        .map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
        .join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
    'xl/worksheets/sheet2.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`),
  };
  return Buffer.from(zipSync(files));
}

async function handoverWorkbook(rows: unknown[][]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-xlsx-'));
  await writeFile(join(dir, 'rows.xml'), rows.map((row, i) => xlsxRow(row, i + 1)).join(''));
  await writeXlsx(join(dir, 'book.xlsx'), [{ name: 'Lista', rowsFile: join(dir, 'rows.xml') }]);
  return readFile(join(dir, 'book.xlsx'));
}

/** Sets the declared uncompressed size of every entry named `name` in the central directory. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (let at = 0; at < copy.length - 4; at++) {
    if (copy.readUInt32LE(at) !== 0x02014b50) continue;
    const length = copy.readUInt16LE(at + 28);
    if (copy.toString('utf8', at + 46, at + 46 + length) === name) copy.writeUInt32LE(size, at + 24);
  }
  return copy;
}

describe('reading an XLSX workbook within limits', () => {
  it('reads the first sheet with shared strings, rich text, entities, numbers, booleans and dates', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Alkaen</t></is></c><c r="D1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>1987</v></c><c r="C2" s="1"><v>45352</v></c><c r="D2" t="b"><v>1</v></c></row>' +
      '<row r="4"><c r="B4" s="2"><v>59.5</v></c><c r="C4" s="1"><v>61</v></c><c r="D4"><f>1+1</f><v>2</v></c></row>';
    const bytes = excelLike(sheet, {
      strings: ['Yhdistys', 'Perustettu', 'Jäsen', 'Öljymäen &amp; Kylän <r><t>ry</t></r>'],
    });
    const table = await readTable(bytes, 'lista.xlsx');
    expect(table.headers).toEqual(['Yhdistys', 'Perustettu', 'Alkaen', 'Jäsen']);
    expect(table.rows).toEqual([
      ['Öljymäen & Kylän ry', '1987', '1.3.2024', 'true'],
      [],
      ['', '28.2.1900', '1.3.1900', '2'],
    ]);
    const in1904 = await readTable(
      excelLike('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', { date1904: true }),
      'a.xlsx',
    );
    expect(in1904.headers).toEqual(['1.1.1904']);
  });

  it('refuses a 25 KB workbook holding one 20 MB cell, naming the cell and the limit', async () => {
    const bytes = await handoverWorkbook([
      ['Nimi', 'Kunta'],
      ['x'.repeat(20 * 1024 * 1024), 'Kuopio'],
    ]);
    expect(bytes.length).toBeLessThan(40 * 1024);
    const refusal = readTable(bytes, 'iso.xlsx');
    await expect(refusal).rejects.toMatchObject({
      safe: {
        en: `Cell A2 has more than 10,000 characters (at most 10,000 characters a cell). Shorten it.`,
        fi: `Solussa A2 on yli 10 000 merkkiä (enintään 10 000 merkkiä solussa). Lyhennä se.`,
      },
    });
    const long = 'y'.repeat(MAX_CELL_CHARS + 1);
    await expect(
      readTable(excelLike('<row r="1"><c t="s"><v>0</v></c></row>', { strings: [long] }), 'b.xlsx'),
    ).rejects.toThrow(/more than 10,000 characters/);
    await expect(
      readTable(await handoverWorkbook([['Nimi'], ['y'.repeat(MAX_CELL_CHARS)]]), 'c.xlsx'),
    ).resolves.toMatchObject({
      rows: [['y'.repeat(MAX_CELL_CHARS)]],
    });
  });

  it('refuses a workbook that declares more than the inflated limit before inflating it', async () => {
    const bytes = declareSize(
      excelLike('<row r="1"><c t="inlineStr"><is><t>Nimi</t></is></c></row>'),
      'xl/worksheets/sheet1.xml',
      MAX_INFLATED_BYTES + 1,
    );
    expect(zipDirectory(bytes).get('xl/worksheets/sheet1.xml')?.size).toBe(MAX_INFLATED_BYTES + 1);
    await expect(readTable(bytes, 'a.xlsx')).rejects.toThrow(/too large when unpacked \(at most 32 MB\)/);
  });

  it('stops inflating at the declared size when the archive understates it', async () => {
    const real = excelLike(
      `<row r="1"><c t="inlineStr"><is><t>Nimi</t></is></c></row><row r="2"><c t="inlineStr"><is><t>${'z'.repeat(5000)}</t></is></c></row>`,
    );
    const lying = declareSize(real, 'xl/worksheets/sheet1.xml', 200);
    await expect(readTable(lying, 'a.xlsx')).rejects.toThrow(/too large when unpacked/);
    await expect(readTable(real, 'a.xlsx')).resolves.toMatchObject({ rows: [['z'.repeat(5000)]] });
  });

  it('refuses rows and columns past the limits as soon as it meets them', async () => {
    await expect(
      readTable(
        excelLike('<row r="1"><c r="A1"><v>1</v></c></row><row r="5002"><c r="A5002"><v>1</v></c></row>'),
        'a.xlsx',
      ),
    ).rejects.toThrow(/more than 5000 rows/);
    await expect(readTable(excelLike('<row r="1"><c r="XFD1"><v>1</v></c></row>'), 'a.xlsx')).rejects.toThrow(
      /more than 200 columns/,
    );
  });

  it('refuses a read that runs past its time limit', async () => {
    let clock = 0;
    const budget = readBudget({ limitMs: 1000, now: () => (clock += 600) });
    await expect(readTable(await handoverWorkbook([['Nimi'], ['Kerho']]), 'a.xlsx', budget)).rejects.toThrow(
      /took too long \(over 20 s\)/,
    );
  });

  it('refuses what is not a workbook, and malformed markup, as unreadable', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004 not really a workbook'), 'a.xlsx')).rejects.toThrow(
      /could not be read/,
    );
    const broken = excelLike(
      `<row r="1"><c t="inlineStr"><is><t>Nimi</t></is></c></row>${'<a'.repeat(100_000)}`,
    );
    await expect(readTable(broken, 'a.xlsx')).resolves.toMatchObject({ headers: ['Nimi'] });
  });
});

describe('reading a CSV within limits', () => {
  it('keeps characters whole where the file is cut into slices', async () => {
    // 64 KB slices cut some of these four-byte characters (and their UTF-16 surrogate pairs) in two.
    const line = '🙂'.repeat(20);
    const csv = Buffer.from(`\uFEFFNimi\n${`${line}\n`.repeat(2000)}`);
    const { rows } = await readTable(csv, 'a.csv');
    expect(rows).toHaveLength(2000);
    expect(rows.filter(([cell]) => cell !== line)).toEqual([]);
  });

  it('refuses a header too long to keep on the import', async () => {
    await expect(readTable(Buffer.from(`Nimi;${'K'.repeat(201)}\nKerho;Kuopio\n`), 'a.csv')).rejects.toThrow(
      'The header of column B has more than 200 characters. Shorten it.',
    );
  });

  it('refuses a cell over the character limit and more rows than allowed', async () => {
    await expect(
      readTable(Buffer.from(`Nimi\n"${'x'.repeat(MAX_CELL_CHARS + 10)}"\n`), 'a.csv'),
    ).rejects.toThrow(/more than 10,000 characters/);
    const rows = ['Nimi', ...Array.from({ length: 5001 }, (_, i) => `Kerho ${i}`)].join('\n');
    await expect(readTable(Buffer.from(rows), 'a.csv')).rejects.toThrow(/more than 5000 rows/);
  });
});
