import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, logIn, repoRoot, runScript, startServer } from '../support/processes';

const password = 'cli-test-vihreä-kettu-42';

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
      // An empty workspace gets a one-time setup link for its first admin (in a file: output is no terminal).
      await expect.poll(() => server.output()).toMatch(/The link is in \S+setup-link-default\.txt/);
      expect((await fetch(`${server.url}/associations`, { redirect: 'manual' })).status).toBe(303);
      const seeded = await runScript(
        'scripts/seed-demo.ts',
        ['--scale', '0.05', '--seed', '7', '--password', password],
        env,
      );
      expect(seeded.stderr).not.toMatch(/Error/);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toMatch(/through the running server.*26 associations/);

      const { cookie } = await logIn(server.url, 'staff@demo.invalid', password);
      const page = await fetch(`${server.url}/associations`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect((await page.text()).match(/href="[^"]*associations\/[0-9A-Z]{26}"/g)).toHaveLength(26);

      // A repeated seed is refused with a clear message and changes nothing.
      const again = await runScript('scripts/seed-demo.ts', ['--scale', '0.05', '--password', password], env);
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
      expect((await fetch(`${server.url}/associations`, { headers: { cookie } })).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    // Without a server the CLI opens the directory itself.
    const direct = await runScript(
      'scripts/seed-demo.ts',
      ['--scale', '0.02', '--workspace', 'other', '--password', password],
      env,
    );
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(/directly/);

    const restarted = await startServer(env);
    try {
      expect(restarted.output()).not.toMatch(/\/setup\//); // the workspace has an admin now
      const { cookie } = await logIn(restarted.url, 'staff@demo.invalid', password);
      const page = await (await fetch(`${restarted.url}/associations`, { headers: { cookie } })).text();
      expect(page.match(/href="[^"]*associations\/[0-9A-Z]{26}"/g)).toHaveLength(26);
    } finally {
      await restarted.stop();
    }
  }, 120_000);

  it('over https the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax and path /', async () => {
    // (An admin made on the command line logs in here too.)
    const created = await runScript(
      'scripts/create-admin.ts',
      ['--email', 'cli-admin@example.invalid', '--name', 'Cli Admin', '--password', password],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created user .* an admin of "default"/);
    const weak = await runScript(
      'scripts/create-admin.ts',
      ['--email', 'weak@example.invalid', '--name', 'Weak', '--password', 'salasana1234'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too easy to guess/);
    const server = await startServer({ ...env, KOHTAAMO_LOCAL_PROTOCOL: 'https' });
    try {
      const origin = server.url.replace('http:', 'https:');
      const login = await logIn(server.url, 'cli-admin@example.invalid', password, origin);
      expect(login.status).toBe(303);
      expect(login.setCookie).toMatch(/^__Host-kohtaamo-session=[A-Za-z0-9_-]{43}; /);
      for (const attribute of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) {
        expect(login.setCookie).toContain(attribute);
      }
      expect(login.setCookie).not.toMatch(/Domain=/i);
      // The plain-http name is not accepted on https.
      const plain = await fetch(`${server.url}/tasks`, {
        redirect: 'manual',
        headers: { cookie: login.cookie.replace('__Host-', '') },
      });
      expect(plain.status).toBe(303);
      const secure = await fetch(`${server.url}/tasks`, {
        redirect: 'manual',
        headers: { cookie: login.cookie },
      });
      expect(secure.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
