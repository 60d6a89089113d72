// `npm test`: every check in order (lint, types, build, unit + integration + infrastructure tests,
// browser tests), then one closing line `N passed, N failed` counting tests and checks.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './local-runtime';

const output = join(repoRoot, '.test-output');
let passed = 0;
let failed = 0;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('close', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
}

async function check(name: string, command: string, args: string[]): Promise<boolean> {
  const ok = (await run(command, args)) === 0;
  if (ok) passed++;
  else {
    failed++;
    console.error(`✗ ${name} failed`);
  }
  return ok;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const npx = 'npx';

  // The catalogue compiles first: the type check, the build and the tests read its output.
  await check('messages', 'npm', ['run', 'messages']);
  await check('eslint', npx, ['eslint', '.']);
  await check('prettier', npx, ['prettier', '--check', '.']);
  await check('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  await check('svelte-check', 'npm', ['run', 'check', '--workspace', 'web']);
  const built =
    (await check('web build', 'npm', ['run', 'build', '--workspace', 'web'])) &&
    (await check('Lambda bundles', 'npm', ['run', 'bundle']));

  const vitestFile = join(output, 'vitest.json');
  const vitestCode = await run(npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestFile}`,
  ]);
  const vitest = await readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
  }>(vitestFile);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    if (vitestCode !== 0 && vitest.numFailedTests === 0) failed++; // a suite failed to load
  } else failed++;

  if (built) {
    const playwrightFile = join(output, 'playwright.json');
    const playwrightCode = await run(npx, ['playwright', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    const playwright = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
      playwrightFile,
    );
    if (playwright) {
      passed += playwright.stats.expected;
      failed += playwright.stats.unexpected + playwright.stats.flaky;
    }
    // A run that failed outside any test (the server did not start, a spec did not load) counts once.
    if (playwrightCode !== 0 && (playwright?.stats.unexpected ?? 0) === 0) failed++;
  } else {
    console.error('✗ browser tests skipped: the web build failed');
    failed++;
  }

  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
