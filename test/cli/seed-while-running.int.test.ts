import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, runScript, startServer } from '../support/processes';

// One process per data directory: while `npm start` runs, the CLIs must go through its engine.
describe('npm start with seed:demo on the same data directory', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js'))) {
      throw new Error('The web app must be built first: npm run build (npm test does it).');
    }
    dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-cli-'));
    env = { KOHTAAMO_DATA_DIR: dataDir, PORT: String(await freePort()), KOHTAAMO_CURSOR_SECRET: '' };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds through the running server, which keeps serving; data survives a restart', async () => {
    const server = await startServer(env);
    try {
      const seeded = await runScript('scripts/seed-demo.ts', ['--scale', '0.05', '--seed', '7'], env);
      expect(seeded.stderr).not.toMatch(/Error/);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toMatch(/through the running server.*26 associations/);

      const page = await fetch(`${server.url}/associations`);
      expect(page.status).toBe(200);
      expect((await page.text()).match(/href="[^"]*associations\/[0-9A-Z]{26}"/g)).toHaveLength(26);

      // A repeated seed is refused with a clear message and changes nothing.
      const again = await runScript('scripts/seed-demo.ts', ['--scale', '0.05'], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already has associations/);

      // A second server on the same port or the same data directory stops with a clear message.
      const samePort = await startServer(env).catch((error: { code: number; output: string }) => error);
      expect(samePort).toMatchObject({ code: 1 });
      expect((samePort as { output: string }).output).toMatch(/already in use/);
      const sameDir = await startServer({ ...env, PORT: String(await freePort()) }).catch(
        (error: { code: number; output: string }) => error,
      );
      expect(sameDir).toMatchObject({ code: 1 });
      expect((sameDir as { output: string }).output).toMatch(/in use by another process/);

      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.url}/associations`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    // Without a server the CLI opens the directory itself.
    const direct = await runScript('scripts/seed-demo.ts', ['--scale', '0.02', '--workspace', 'other'], env);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(/directly/);

    const restarted = await startServer(env);
    try {
      const page = await (await fetch(`${restarted.url}/associations`)).text();
      expect(page.match(/href="[^"]*associations\/[0-9A-Z]{26}"/g)).toHaveLength(26);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
