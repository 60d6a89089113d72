// `npm run reminders` on a laptop: today's digests land in the outbox folder as .eml files.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, seededDataDir } from '../support/processes';

describe('npm run reminders', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const outbox = () => join(dataDir, 'outbox');
  const emlFiles = async () => (await readdir(outbox()).catch(() => [])).filter((f) => f.endsWith('.eml'));

  beforeAll(async () => {
    ({ dataDir, env } = await seededDataDir('kohtaamo-reminders-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each digest to the outbox once a day; a dry run records nothing', async () => {
    const dry = await runScript('scripts/reminders.ts', ['--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    const digests = Number(/(\d+) digests/.exec(dry.stdout)?.[1]);
    expect(digests).toBeGreaterThan(0);
    expect(dry.stdout).toMatch(/dry run/);
    expect(await emlFiles()).toHaveLength(digests);

    const real = await runScript('scripts/reminders.ts', [], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain(`${digests} written`);
    const files = await emlFiles();
    expect(files).toHaveLength(2 * digests);
    const mail = await readFile(join(outbox(), files[0] as string), 'utf8');
    expect(mail).toMatch(/^From: kohtaamo@localhost\r\nTo: \S+@demo\.invalid\r\nSubject: =\?UTF-8\?B\?/);
    expect(mail).toContain('/tasks');

    const again = await runScript('scripts/reminders.ts', [], env);
    expect(again.stdout).toContain(`0 written`);
    expect(again.stdout).toContain(`${digests} already sent today`);
    expect(await emlFiles()).toHaveLength(2 * digests);
  });

  it('refuses unknown options with the usage', async () => {
    const bad = await runScript('scripts/reminders.ts', ['--send-now'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run reminders -- [--dry-run]');
  });
});
