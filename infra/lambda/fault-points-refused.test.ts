// The fault points of local fault tests (shared/src/db/fault-points.ts) can never be armed in AWS:
// a bundled function given KOHTAAMO_FAULT_POINTS refuses to start its work.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleEnvironment } from './bundle-init';
import { bundleDir, repoRoot } from './bundles';

const contextFixture = pathToFileURL(join(repoRoot, 'functions', 'test-support', 'lambda-context.ts')).href;

// A bundle may refuse at its cold start (configuration read on import) or on its first invocation.
// The context is the function tests' fixture (Node runs the TypeScript file, its types stripped).
const probe = `
try {
  const { lambdaContext } = await import(process.argv[3]);
  const { handler } = await import(process.argv[1]);
  await handler(JSON.parse(process.argv[2]), lambdaContext({ functionName: 'probe' }));
  process.stdout.write('ran');
} catch (error) {
  process.stdout.write(error.name + ': ' + error.message);
}
`;

function invokeBundle(name: string, event: unknown): string {
  const file = pathToFileURL(join(bundleDir(name), 'index.mjs')).href;
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', probe, file, JSON.stringify(event), contextFixture],
    {
      env: {
        PATH: process.env.PATH ?? '',
        ...bundleEnvironment,
        AWS_LAMBDA_FUNCTION_NAME: name,
        KOHTAAMO_FAULT_POINTS: 'stage-move:after-history',
        // Nothing listens here: a bundle that did not refuse would fail differently (or hang briefly).
        KOHTAAMO_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return result.stdout;
}

describe('fault points in Lambda', () => {
  it.each([
    ['web', { rawPath: '/login', requestContext: { http: { method: 'GET' } }, headers: {} }],
    ['repair-workspace', { workspaceId: 'default' }],
    ['sweep-expired', {}],
    ['reminders', { kind: 'daily-reminders' }],
    ['jobs', { kind: 'run-job', workspaceId: 'default', jobId: '01JD0000000000000000000000' }],
    ['mail-events', { Records: [{ Sns: { Message: '{}' } }] }],
  ])('the %s bundle refuses KOHTAAMO_FAULT_POINTS before any work', (name, event) => {
    expect(existsSync(join(bundleDir(name), 'index.mjs')), 'run `npm run build` first').toBe(true);
    expect(invokeBundle(name, event)).toMatch(/^ConfigError: .*KOHTAAMO_FAULT_POINTS/s);
  });
});
