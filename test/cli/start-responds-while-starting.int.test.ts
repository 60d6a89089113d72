import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { freePort, repoRoot } from '../support/processes';

// A request that arrives while the server is still starting gets an answer (503, then the app),
// never a hanging connection (a browser test's readiness check once waited on one for minutes).
it('npm start answers every request while it starts, then serves the app', async () => {
  if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js'))) throw new Error('Build the web app first.');
  const dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-starting-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, KOHTAAMO_DATA_DIR: dataDir, PORT: String(port), KOHTAAMO_CURSOR_SECRET: '' },
  });
  try {
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 400 && !statuses.has(200); attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/login`, {
          signal: AbortSignal.timeout(2000),
        });
        statuses.add(response.status);
      } catch (error) {
        // Refused before the port is claimed is fine; a timeout (a hanging request) is not.
        if ((error as Error).name === 'TimeoutError') {
          throw new Error('a request hung while the server started', { cause: error });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(statuses.has(200)).toBe(true);
    expect([...statuses].every((status) => status === 200 || status === 503)).toBe(true);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);
