// `npm run handover` on local data: a complete package, or a clear message and no file at all.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, seededDataDir } from '../support/processes';

describe('npm run handover', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ({ dataDir, env } = await seededDataDir('kohtaamo-handover-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes a package whose checksums verify, with or without contact persons', async () => {
    const out = join(dataDir, 'luovutus.zip');
    const result = await runScript('scripts/handover.ts', ['--out', out, '--by', 'Anna Admin'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/associations\.csv 26, people\.csv \d+/);
    const files = unzipSync(new Uint8Array(await readFile(out)));
    for (const line of strFromU8(files['SHA256SUMS.txt'] as Uint8Array)
      .trim()
      .split('\n')) {
      const [hash, path] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(files[path] as Uint8Array)
          .digest('hex'),
      ).toBe(hash);
    }
    expect(strFromU8(files['README.txt'] as Uint8Array)).toContain('Anna Admin');

    const withoutPersons = join(dataDir, 'ilman-henkiloita.zip');
    const anonymous = await runScript('scripts/handover.ts', ['--out', withoutPersons, '--no-persons'], env);
    expect(anonymous.code, anonymous.stderr).toBe(0);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(withoutPersons))))).not.toContain(
      'people.csv',
    );
  });

  it('imports the package into a new workspace, and refuses a second time into a different one', async () => {
    const out = join(dataDir, 'siirto.zip');
    expect((await runScript('scripts/handover.ts', ['--out', out], env)).code).toBe(0);
    const imported = await runScript('scripts/import-handover.ts', [out, '--workspace', 'jatkaja'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported into workspace "jatkaja": .*26 association/);
    const again = await runScript('scripts/import-handover.ts', [out, '--workspace', 'jatkaja'], env);
    expect(again.stdout).toContain('(0 items written)');
    const roundTrip = join(dataDir, 'jatkaja.zip');
    expect(
      (await runScript('scripts/handover.ts', ['--out', roundTrip, '--workspace', 'jatkaja'], env)).code,
    ).toBe(0);
    const [a, b] = await Promise.all([readFile(out), readFile(roundTrip)]).then((zips) =>
      zips.map((zip) => strFromU8(unzipSync(new Uint8Array(zip))['interactions.csv'] as Uint8Array)),
    );
    expect(b).toBe(a);
    const refused = await runScript('scripts/import-handover.ts', [out, '--workspace', 'default'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds other data');
  });

  it('leaves no file behind when it cannot finish, and explains why', async () => {
    const out = join(dataDir, 'missing.zip');
    const result = await runScript('scripts/handover.ts', ['--out', out, '--workspace', 'ei-ole'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Workspace not found.');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const usage = await runScript('scripts/handover.ts', ['--out', 'paketti.txt'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('the package is a .zip file');
  });
});
