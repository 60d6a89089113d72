// Child processes for CLI tests: `npm start` and the CLIs run exactly as a user runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tsxArgs(script: string, args: readonly string[]): string[] {
  return ['--import', 'tsx', resolve(repoRoot, script), ...args];
}

/** Runs a TypeScript script to its end. */
export function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Finished> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, tsxArgs(script, args), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts `scripts/start.ts` and waits until it prints its URL (or exits). */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<RunningServer> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, tsxArgs('scripts/start.ts', []), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start in time:\n${output}`));
    }, timeoutMs);
    const exited = new Promise<number | null>((resolveExit) =>
      child.once('exit', (code) => resolveExit(code)),
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({
          child,
          url: match[1],
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`The server exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

/** Logs in through the login form as a browser would; returns the Set-Cookie header and the cookie pair. */
export async function logIn(
  url: string,
  email: string,
  password: string,
  origin = url,
): Promise<{ status: number; setCookie: string; cookie: string }> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, next: '/' }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { status: response.status, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

/** A temporary data directory with the demo seed at scale 0.05 (26 associations, seed 7). */
export async function seededDataDir(prefix: string): Promise<{ dataDir: string; env: NodeJS.ProcessEnv }> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const env = { KOHTAAMO_DATA_DIR: dataDir, KOHTAAMO_CURSOR_SECRET: '' };
  const seeded = await runScript(
    'scripts/seed-demo.ts',
    ['--scale', '0.05', '--seed', '7', '--password', 'cli-test-vihreä-kettu-42'],
    env,
  );
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.stderr}`);
  return { dataDir, env };
}
