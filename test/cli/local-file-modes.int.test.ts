// `npm start` keeps its data private: the data directory and every folder in it 0700, every file
// 0600 (LevelDB's own files, the cursor secret, the endpoint file); and it logs requests as JSON.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort, repoRoot, startServer } from '../support/processes';

async function modes(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>([[dir, (await stat(dir)).mode & 0o777]]);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    found.set(path, (await stat(path)).mode & 0o777);
  }
  return found;
}

it('npm start creates its data directory 0700 with files 0600, and logs requests as JSON lines', async () => {
  if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js'))) throw new Error('Build the web app first.');
  const parent = await mkdtemp(join(tmpdir(), 'kohtaamo-modes-'));
  const dataDir = join(parent, 'data');
  const server = await startServer({
    KOHTAAMO_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    KOHTAAMO_CURSOR_SECRET: '',
  });
  try {
    const answer = await fetch(`${server.url}/login?next=%2Fsecret-path`);
    expect(answer.status).toBe(200);
    const found = await modes(dataDir);
    expect(found.size).toBeGreaterThan(3);
    for (const [path, mode] of found) {
      const isDir = (await stat(path)).isDirectory();
      expect([path, mode.toString(8)]).toEqual([path, isDir ? '700' : '600']);
    }
    const requestId = answer.headers.get('x-request-id');
    for (let i = 0; i < 100_000 && !server.output().includes(String(requestId)); i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const line = server
      .output()
      .split('\n')
      .find((text) => text.includes(String(requestId)));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ route: '/login', status: 200, requestId });
    expect(server.output()).not.toContain('secret-path');
  } finally {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  }
}, 60_000);
