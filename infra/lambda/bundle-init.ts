// Module initialisation of a bundled function, as in a Lambda cold start: import the bundle in a
// fresh Node process with the environment the stack gives it, and time the import.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleDir } from './bundles';

/** Stand-in configuration (no AWS is contacted while a module initialises). */
export const bundleEnvironment: Record<string, string> = {
  AWS_REGION: 'eu-north-1',
  AWS_ACCESS_KEY_ID: 'init-test',
  AWS_SECRET_ACCESS_KEY: 'init-test',
  KOHTAAMO_TABLE: 'kohtaamo-init-test',
  KOHTAAMO_CURSOR_SECRET: 'init-test-cursor-secret-0123456789abcdef',
  KOHTAAMO_ORIGIN_SECRET: 'init-test-origin-secret-0123456789abcdef',
  KOHTAAMO_MAIL_FROM: 'kohtaamo@example.invalid',
  KOHTAAMO_SITE_URL: 'https://kohtaamo.example.invalid',
};

const probe = `
const started = performance.now();
const module = await import(process.argv[1]);
const ms = performance.now() - started;
if (typeof module.handler !== 'function') throw new Error('no handler export');
process.stdout.write(JSON.stringify({ ms }));
`;

/** Imports the bundle in a new process; returns the import time in milliseconds. */
export function initialiseBundle(name: string): number {
  const file = pathToFileURL(join(bundleDir(name), 'index.mjs')).href;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe, file], {
    env: { PATH: process.env.PATH ?? '', ...bundleEnvironment },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${name} failed to initialise:\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { ms: number }).ms;
}
