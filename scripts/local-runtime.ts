// What `npm start` and the CLIs share on a laptop: the data directory, its persisted cursor
// secret, and the rule "one process per data directory" (use the running server's engine if any).
// Everything a local process writes is private to its user: directories 0700, files 0600.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../shared/src/config';
import { AppError } from '../shared/src/errors';
import { dbFromConfig, type Db } from '../shared/src/db/client';
import { ensureTable, findRunningEndpoint, localClient, startLocalDynamo } from '../shared/src/db/local';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Files and directories this process creates from now on are readable by their owner only. */
export function restrictFileModes(): void {
  process.umask(0o077);
}

/**
 * Reads the environment for local use: data directory resolved (and made private), cursor secret
 * kept in it. Also restricts the modes of every file the process creates (the engine's LevelDB
 * files, uploads, handover packages, the outbox). Throws ConfigError on invalid settings.
 */
export async function loadLocalConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  restrictFileModes();
  const dataDir = resolve(repoRoot, env.KOHTAAMO_DATA_DIR ?? '.data');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700); // also a directory made by an older version
  let secret = env.KOHTAAMO_CURSOR_SECRET;
  if (!secret) {
    const file = join(dataDir, 'cursor-secret');
    secret = await readFile(file, 'utf8').catch(() => undefined);
    if (!secret) {
      secret = randomBytes(32).toString('hex');
      await writeFile(file, secret, { mode: 0o600 });
    }
  }
  return loadConfig({ ...env, KOHTAAMO_DATA_DIR: dataDir, KOHTAAMO_CURSOR_SECRET: secret.trim() });
}

export interface LocalEngine {
  endpoint: string;
  /** True when another process (`npm start`) owns the data directory and we use its engine. */
  shared: boolean;
  close: () => Promise<void>;
}

/** Uses the engine of a running server on the data directory, or opens the directory itself. */
export async function openLocalEngine(config: Config): Promise<LocalEngine> {
  const running = await findRunningEndpoint(config.KOHTAAMO_DATA_DIR);
  if (running) return { endpoint: running, shared: true, close: async () => {} };
  const engine = await startLocalDynamo({ dir: config.KOHTAAMO_DATA_DIR });
  const client = localClient(engine.endpoint);
  await ensureTable(client, config.KOHTAAMO_TABLE);
  client.destroy();
  return { endpoint: engine.endpoint, shared: false, close: engine.close };
}

export function localDb(config: Config, endpoint: string): Db {
  return dbFromConfig(config, { endpoint });
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv: readonly string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) args[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      args[name] = next;
      i++;
    } else args[name] = true;
  }
  return args;
}

/** Parses the command line with a zod schema; on bad arguments prints the usage and each problem, exits 2. */
export function parseArgsOrExit<S extends z.ZodType>(schema: S, usage: string): z.output<S> {
  const parsed = schema.safeParse(parseArgs(process.argv.slice(2)));
  if (parsed.success) return parsed.data;
  console.error(
    `${usage}\n${parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(2);
}

/**
 * A command's expected failure (bad input, not found, conflict) is reported by its English message
 * and exit code 1; anything else is a bug and is thrown on.
 */
export function reportAppError(error: unknown): void {
  if (!(error instanceof AppError)) throw error;
  console.error(error.safe.en);
  process.exitCode = 1;
}
