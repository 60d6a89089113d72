// The report as a download: CSV that Finnish Excel opens by a double click, or an Excel workbook
// with numbers as numbers. Both neutralise formula-looking text.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine, UTF8_BOM } from '../handover/csv';
import { writeXlsx, xlsxRow } from '../handover/xlsx';

export function reportCsv(table: readonly string[][]): string {
  return UTF8_BOM + table.map((row) => csvLine(row)).join('');
}

const asValue = (cell: string) => (/^\d+$/.test(cell) ? Number(cell) : cell);

export async function reportXlsx(table: readonly string[][], sheetName: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-report-'));
  try {
    const rowsFile = join(dir, 'rows.xml');
    await writeFile(rowsFile, table.map((row, i) => xlsxRow(row.map(asValue), i + 1)).join(''));
    const file = join(dir, 'report.xlsx');
    await writeXlsx(file, [{ name: sheetName.slice(0, 31), rowsFile }]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
