import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx, xlsxRow } from '../handover/xlsx';
import { readBudget, type ReadBudget } from './import-limits';
import { readTable } from './read-table';

/** A budget that counts its ticks and yields at every one (the work between ticks is what it measures). */
function countingBudget() {
  const counter = { ticks: 0 };
  const budget: ReadBudget = {
    async tick() {
      counter.ticks++;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return { budget, counter };
}

describe('reading a file in slices', () => {
  it('hands the event loop a turn between slices of a CSV and of a workbook', async () => {
    const lines = [
      'Nimi;Kunta',
      ...Array.from({ length: 4000 }, (_, i) => `Yhdistys ${i} ry;${'Kuopio '.repeat(30)}`),
    ];
    const bytes = Buffer.from(lines.join('\n'));
    const csv = countingBudget();
    await readTable(bytes, 'a.csv', csv.budget);
    // 64 KB slices.
    expect(csv.counter.ticks).toBeGreaterThanOrEqual(Math.floor(bytes.length / (64 * 1024)));

    const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-slices-'));
    await writeFile(join(dir, 'rows.xml'), lines.map((line, i) => xlsxRow(line.split(';'), i + 1)).join(''));
    await writeXlsx(join(dir, 'a.xlsx'), [{ name: 'Lista', rowsFile: join(dir, 'rows.xml') }]);
    const xlsx = countingBudget();
    const table = await readTable(await readFile(join(dir, 'a.xlsx')), 'a.xlsx', xlsx.budget);
    await rm(dir, { recursive: true, force: true });
    expect(table.rows).toHaveLength(4000);
    // Some 60 000 tags and texts, a turn every 2 000.
    expect(xlsx.counter.ticks).toBeGreaterThanOrEqual(25);
  });

  it('refuses once the time limit has passed, and yields only after a slice of work', async () => {
    let clock = 0;
    const budget = readBudget({ limitMs: 100, sliceMs: 10, now: () => clock });
    let yielded = false;
    setImmediate(() => (yielded = true));
    clock = 5;
    await budget.tick();
    expect(yielded).toBe(false);
    clock = 20;
    await budget.tick();
    expect(yielded).toBe(true);
    clock = 101;
    await expect(budget.tick()).rejects.toThrow(/took too long/);
  });
});
