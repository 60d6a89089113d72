// New workspaces for specs that start from nothing: created by the operator's script against the
// e2e server's data directory, with the one-time setup link read from the 0600 file it names.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { expect } from '@playwright/test';

export const e2eDataDir = '.test-output/e2e-data';
const port = process.env.E2E_PORT ?? '3199';

/** Runs one of the project's scripts against the e2e server's data, as an operator would. */
export function runScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, KOHTAAMO_DATA_DIR: e2eDataDir, PORT: port, HOST: '127.0.0.1' },
    encoding: 'utf8',
  });
}

/** A new workspace and its setup link, read from the 0600 file the script names (never printed here). */
export function createWorkspace(id: string, name: string): string {
  const output = runScript('scripts/create-workspace.ts', ['--id', id, '--name', name]);
  expect(output).not.toMatch(/\/setup\/[A-Za-z0-9_-]{43}/);
  const file = /The link is in (\S+) /.exec(output)?.[1] ?? '';
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const link = /(http:\/\/\S+\/setup\/[A-Za-z0-9_-]{43})/.exec(readFileSync(file, 'utf8'))?.[1];
  expect(link).toBeDefined();
  return link as string;
}
