// The first admin's setup link on the command line: never printed where output is collected (not
// a terminal), kept in a 0600 file, reused by the next start instead of minting another, and
// refused once the workspace has an admin (here made by seed:demo).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupLinkLines } from '../../scripts/setup-link';
import { freePort, repoRoot, runScript, startServer } from '../support/processes';

const token = /\/setup\/[A-Za-z0-9_-]{43}/;

describe('setupLinkLines', () => {
  it('shows the link only on an interactive terminal, else only the file name', () => {
    const input = {
      origin: 'http://127.0.0.1:3000',
      token: 'a'.repeat(43),
      file: '/d/setup-link-default.txt',
    };
    expect(setupLinkLines({ ...input, interactive: true }).join('\n')).toMatch(token);
    const quiet = setupLinkLines({ ...input, interactive: false }).join('\n');
    expect(quiet).not.toMatch(token);
    expect(quiet).toContain('/d/setup-link-default.txt');
  });
});

describe('the setup link of npm start and create-workspace', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js'))) {
      throw new Error('The web app must be built first: npm run build (npm test does it).');
    }
    dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-setup-link-'));
    env = { KOHTAAMO_DATA_DIR: dataDir, PORT: String(await freePort()), KOHTAAMO_CURSOR_SECRET: '' };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('create-workspace prints no link, only the name of a 0600 file that holds it', async () => {
    const created = await runScript(
      'scripts/create-workspace.ts',
      ['--id', 'toinen', '--name', 'Toinen'],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout + created.stderr).not.toMatch(token);
    const file = join(dataDir, 'setup-link-toinen.txt');
    expect(created.stdout).toContain(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(token);
  });

  it('npm start reuses the pending link; once seed:demo made an admin the link is refused and removed', async () => {
    const file = join(dataDir, 'setup-link-default.txt');
    const first = await startServer(env);
    let link: string;
    try {
      await expect.poll(() => first.output()).toContain(file);
      expect(first.output()).not.toMatch(token);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      link = (await readFile(file, 'utf8')).trim();
      expect(link).toMatch(token);
    } finally {
      await first.stop();
    }

    const second = await startServer(env);
    try {
      await expect.poll(() => second.output()).toContain(file);
      expect((await readFile(file, 'utf8')).trim()).toBe(link); // the same link, not a new one
      expect((await fetch(link)).status).toBe(200);
      const seeded = await runScript(
        'scripts/seed-demo.ts',
        ['--scale', '0.02', '--seed', '3', '--password', 'cli-test-vihreä-kettu-42'],
        env,
      );
      expect(seeded.code).toBe(0);
      const refused = await fetch(link);
      expect(refused.status).toBe(404);
      expect(await refused.text()).toContain('Tällä työtilalla on jo ylläpitäjä');
    } finally {
      await second.stop();
    }

    const third = await startServer(env);
    try {
      expect(third.output()).not.toMatch(/No admin yet/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await third.stop();
    }
  }, 120_000);
});
