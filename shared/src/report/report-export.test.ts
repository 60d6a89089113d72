// The report as downloads: CSV for Finnish Excel, and a workbook with numbers as numbers; text
// that looks like a formula is never run.
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportXlsx } from './report-export';

const table = [
  ['Osio', 'Kohta', 'Arvo'],
  ['Tapahtumat ja osallistujat', 'Osallistujat', '8'],
  ['Tapahtumat ja osallistujat', '=HYPERLINK("x") Pienmarkkinat', '3'],
];

describe('report export', () => {
  it('writes CSV with a byte order mark and semicolons, formulas neutralised', () => {
    const csv = reportCsv(table);
    expect(csv.startsWith('\uFEFFOsio;Kohta;Arvo\r\n')).toBe(true);
    expect(csv).toContain('Tapahtumat ja osallistujat;Osallistujat;8\r\n');
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('writes a workbook that a spreadsheet reader opens, åäö intact and counts as numbers', async () => {
    const [sheet] = await readXlsxFile(await reportXlsx(table, 'raportti'));
    expect(sheet?.sheet).toBe('raportti');
    expect(sheet?.data[1]).toEqual(['Tapahtumat ja osallistujat', 'Osallistujat', 8]);
    expect(String(sheet?.data[2]?.[1])).toMatch(/^'=HYPERLINK/);
  });
});
