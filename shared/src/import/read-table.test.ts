import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx, xlsxRow } from '../handover/xlsx';
import { suggestMapping } from './column-mapping';
import { finnishDate } from './import-spreadsheet';
import { idFromSeed } from '../ids';
import { MAX_IMPORT_BYTES, readTable } from './read-table';

describe('reading a spreadsheet to import', () => {
  it('reads CSV with commas or semicolons, with or without a BOM', async () => {
    const comma = await readTable(Buffer.from('Nimi,Kunta\r\n"Kerho, Kuopio",Kuopio\r\n'), 'a.csv');
    expect(comma).toEqual({ headers: ['Nimi', 'Kunta'], rows: [['Kerho, Kuopio', 'Kuopio']] });
    const semicolon = await readTable(Buffer.from('\uFEFFNimi;Kunta\nÄänekosken ry;Äänekoski\n'), 'b.csv');
    expect(semicolon.rows).toEqual([['Äänekosken ry', 'Äänekoski']]);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-xlsx-'));
    await writeFile(
      join(dir, 'rows.xml'),
      xlsxRow(['Yhdistys', 'Perustettu'], 1) + xlsxRow(['Öljymäen ry', 1987], 2),
    );
    await writeXlsx(join(dir, 'lista.xlsx'), [{ name: 'Yhdistykset', rowsFile: join(dir, 'rows.xml') }]);
    const table = await readTable(await readFile(join(dir, 'lista.xlsx')), 'lista.xlsx');
    expect(table).toEqual({ headers: ['Yhdistys', 'Perustettu'], rows: [['Öljymäen ry', '1987']] });
    expect([...suggestMapping(table.headers).values()]).toEqual(['name', 'foundedYear']);
  });

  it('refuses a file over the size cap before parsing it', async () => {
    await expect(readTable(Buffer.alloc(MAX_IMPORT_BYTES + 1), 'iso.csv')).rejects.toThrow(/too large/);
  });

  it('reads Finnish dates and makes stable ids', () => {
    expect(finnishDate('1.3.2024')).toBe('2024-03-01');
    expect(finnishDate('31.2.2024')).toBeUndefined();
    expect(idFromSeed('x:2')).toBe(idFromSeed('x:2'));
    expect(idFromSeed('x:2')).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(idFromSeed('x:3')).not.toBe(idFromSeed('x:2'));
  });
});
