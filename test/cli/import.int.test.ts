// `npm run import` with a 500-row spreadsheet of which 5 % is invalid: the dry run names exactly
// those rows and writes nothing; an import killed mid-way (SIGKILL) and run again ends with every
// valid row once: no duplicates, nothing missing; a file past a limit is refused as in the web app.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, xlsxRow } from '../../shared/src/handover/xlsx';
import { repoRoot, runScript } from '../support/processes';

const ROWS = 500;
const invalidRows = new Set(Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 20 === 7));

function ytunnus(n: number, valid: boolean): string {
  const digits = String(1000000 + n).slice(-7);
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (weights[i] as number), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  if (rest === 1) return ytunnus(n + 5000, valid); // no valid check digit for this number
  return `${digits}-${valid ? check : (check + 1) % 10}`;
}

function spreadsheet(): string {
  const lines = ['Nimi;Y-tunnus;Kunta;Yhteyshenkilö;Rooli;Alkaen'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        `Yhdistys ${i} Äänekoski ry`,
        ytunnus(i + 1, !invalidRows.has(i)),
        i % 2 ? 'Kuopio' : 'Iisalmi',
        `Henkilö ${i} Väisänen`,
        i % 3 ? 'puheenjohtaja' : 'sihteeri',
        `${(i % 28) + 1}.${(i % 12) + 1}.2024`,
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Imports still running (a test that failed early): killed before the next test opens the data. */
const running = new Set<ReturnType<typeof spawn>>();

/** Runs the import and kills it with SIGKILL once `after` rows are imported. */
function importUntilKilled(file: string, env: NodeJS.ProcessEnv, after: number): Promise<number> {
  return new Promise((resolveKill) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/import-spreadsheet.ts', file, '--workspace', 'tuonti'],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
      },
    );
    running.add(child);
    let imported = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      imported += (chunk.toString().match(/^imported row/gm) ?? []).length;
      if (imported >= after) child.kill('SIGKILL');
    });
    child.once('close', () => {
      running.delete(child);
      resolveKill(imported);
    });
  });
}

describe('npm run import', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let file: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-import-'));
    env = { KOHTAAMO_DATA_DIR: dataDir, KOHTAAMO_CURSOR_SECRET: '' };
    const created = await runScript(
      'scripts/create-workspace.ts',
      ['--id', 'tuonti', '--name', 'Tuonti'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    file = join(dataDir, 'yhdistykset.csv');
    await writeFile(file, spreadsheet());
  });
  afterEach(async () => {
    await Promise.all(
      [...running].map(
        (child) =>
          new Promise((closed) => {
            child.once('close', closed);
            child.kill('SIGKILL');
          }),
      ),
    );
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('dry run: suggests the columns, names exactly the invalid rows, writes nothing', async () => {
    const dry = await runScript(
      'scripts/import-spreadsheet.ts',
      [file, '--workspace', 'tuonti', '--dry-run'],
      env,
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Columns: Nimi → name, Y-tunnus → ytunnus, Kunta → municipalities, Yhteyshenkilö → personName, Rooli → personRole, Alkaen → personStartDate',
    );
    const reported = [...dry.stdout.matchAll(/^row (\d+) · Y-tunnus: /gm)].map((m) => Number(m[1]) - 2);
    expect(reported).toEqual([...invalidRows]);
    expect(dry.stdout).toContain(
      `${ROWS - invalidRows.size} new, 0 already imported, 0 duplicates skipped, ${invalidRows.size} with problems`,
    );
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    const again = await runScript(
      'scripts/import-spreadsheet.ts',
      [file, '--workspace', 'tuonti', '--dry-run'],
      env,
    );
    expect(again.stdout).toContain(`${ROWS - invalidRows.size} new, 0 already imported`);
  });

  it('an import killed mid-way and run again leaves every valid row exactly once', async () => {
    const killedAfter = 50 + Math.floor(Math.random() * 300);
    const imported = await importUntilKilled(file, env, killedAfter);
    expect(imported).toBeGreaterThanOrEqual(killedAfter);
    expect(imported).toBeLessThan(ROWS - invalidRows.size);

    const rerun = await runScript('scripts/import-spreadsheet.ts', [file, '--workspace', 'tuonti'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/already imported/);

    const out = join(dataDir, 'tarkistus.zip');
    expect((await runScript('scripts/handover.ts', ['--out', out, '--workspace', 'tuonti'], env)).code).toBe(
      0,
    );
    const files = unzipSync(new Uint8Array(await readFile(out)));
    const names = strFromU8(files['associations.csv'] as Uint8Array)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';')[1]);
    expect(names).toHaveLength(ROWS - invalidRows.size);
    expect(new Set(names).size).toBe(names.length);
    const people = strFromU8(files['people.csv'] as Uint8Array)
      .trim()
      .split('\r\n')
      .slice(1);
    expect(people).toHaveLength(ROWS - invalidRows.size);
    const memberships = strFromU8(files['memberships.csv'] as Uint8Array)
      .trim()
      .split('\r\n')
      .slice(1);
    expect(memberships).toHaveLength(ROWS - invalidRows.size);
    expect(memberships[0]).toMatch(/;2024-\d{2}-\d{2};/);

    const final = await runScript(
      'scripts/import-spreadsheet.ts',
      [file, '--workspace', 'tuonti', '--dry-run'],
      env,
    );
    expect(final.stdout).toContain(`0 new, ${ROWS - invalidRows.size} already imported`);
  }, 120_000); // four processes, each opening the local engine: slow on a busy two-core machine

  it('finds duplicates of existing associations in another file, and refuses what it cannot read', async () => {
    const other = join(dataDir, 'toinen.csv');
    await writeFile(
      other,
      'name,municipality,ytunnus\r\n"Yhdistys 1 Äänekoski ry",Kuopio,\r\nUusi Yhdistys ry,Kuopio,\r\n',
    );
    const dry = await runScript(
      'scripts/import-spreadsheet.ts',
      [other, '--workspace', 'tuonti', '--dry-run'],
      env,
    );
    expect(dry.stdout).toContain(
      'row 2 · duplicate of an existing association "Yhdistys 1 Äänekoski ry" (similar name in the same municipality): skipped',
    );
    expect(dry.stdout).toContain('1 new, 0 already imported, 1 duplicates skipped, 0 with problems');

    // Merged instead: the existing association gains the row's e-mail and contact person.
    const merging = join(dataDir, 'yhdistaminen.csv');
    await writeFile(
      merging,
      'Nimi;Kunta;Sähköposti;Yhteyshenkilö;Rooli\r\nYhdistys 2 Äänekoski ry;Iisalmi;yhdistys2@example.fi;Mirja Möttönen;sihteeri\r\n',
    );
    const merged = await runScript(
      'scripts/import-spreadsheet.ts',
      [merging, '--workspace', 'tuonti', '--duplicates', 'merge'],
      env,
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('0 new, 0 already imported, 1 duplicates to merge, 0 with problems');
    expect(merged.stdout).toContain('merged row 2');
    const out = join(dataDir, 'yhdistetty.zip');
    expect((await runScript('scripts/handover.ts', ['--out', out, '--workspace', 'tuonti'], env)).code).toBe(
      0,
    );
    const files = unzipSync(new Uint8Array(await readFile(out)));
    const association = strFromU8(files['associations.csv'] as Uint8Array)
      .split('\r\n')
      .find((line) => line.includes('Yhdistys 2 Äänekoski ry'));
    expect(association).toContain('yhdistys2@example.fi');
    expect(strFromU8(files['people.csv'] as Uint8Array)).toContain('Mirja Möttönen');
    const again = await runScript(
      'scripts/import-spreadsheet.ts',
      [merging, '--workspace', 'tuonti', '--duplicates', 'merge'],
      env,
    );
    expect(again.stdout).toContain('merged row 2');

    const binary = join(dataDir, 'rikki.xlsx');
    await writeFile(binary, 'not a spreadsheet');
    const broken = await runScript('scripts/import-spreadsheet.ts', [binary, '--workspace', 'tuonti'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('The file could not be read: save it as CSV or XLSX.');
  });

  it('refuses a workbook with a 20 MB cell by the same limits as the web app, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-import-xlsx-'));
    await writeFile(join(dir, 'rows.xml'), xlsxRow(['Nimi'], 1) + xlsxRow(['x'.repeat(20 * 1024 * 1024)], 2));
    const workbook = join(dir, 'iso.xlsx');
    await writeXlsx(workbook, [{ name: 'Yhdistykset', rowsFile: join(dir, 'rows.xml') }]);
    const refused = await runScript(
      'scripts/import-spreadsheet.ts',
      [workbook, '--workspace', 'tuonti'],
      env,
    );
    await rm(dir, { recursive: true, force: true });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Cell A2 has more than 10,000 characters (at most 10,000 characters a cell). Shorten it.',
    );
    expect(refused.stdout).not.toContain('imported row');
  });
});
