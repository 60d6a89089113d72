// The deployment commands without AWS: `npm run smoke` against the local server (and against a
// site that is not Kohtaamo), and `npm run deploy`/`destroy` planning their CDK commands.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, runScript, startServer, type RunningServer } from '../support/processes';

describe('npm run smoke', () => {
  let dataDir: string;
  let server: RunningServer;
  let impostor: Server;
  let impostorUrl: string;

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'web', 'build', 'handler.js'))) {
      throw new Error('The web app must be built first: npm run build (npm test does it).');
    }
    dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-smoke-'));
    server = await startServer({
      KOHTAAMO_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      KOHTAAMO_CURSOR_SECRET: '',
    });
    const port = await freePort();
    impostor = createServer((_req, res) => res.end('<html>hello</html>'));
    await new Promise<void>((resolve) => impostor.listen(port, '127.0.0.1', resolve));
    impostorUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server.stop();
    await new Promise((resolve) => impostor.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('passes every check against a running Kohtaamo', async () => {
    const result = await runScript('scripts/smoke.ts', [server.url], {});
    expect(result.stdout).toMatch(/\n\d+ passed, 0 failed/);
    expect(result.code).toBe(0);
  });

  it('fails against a site that is not Kohtaamo, naming what is wrong', async () => {
    const result = await runScript('scripts/smoke.ts', [impostorUrl], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ a form POST from another site is refused');
    expect(result.stdout).toMatch(/\d+ passed, [1-9]\d* failed/);
  });

  it('asks for the site URL', async () => {
    const result = await runScript('scripts/smoke.ts', [], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run smoke -- <site URL');
  });
});

describe('npm run deploy and destroy', () => {
  it('plans the stateful and stateless stacks first, then the alarm stack with the distribution id', async () => {
    const result = await runScript(
      'scripts/deploy.ts',
      [
        '--dry-run',
        '--stage',
        'prod',
        '--mail-from',
        'kohtaamo@example.fi',
        '--alarm-email',
        'ops@example.fi',
      ],
      {},
    );
    expect(result.code, result.stderr).toBe(0);
    const commands = result.stdout.split('\n').filter((line) => line.startsWith('$ '));
    expect(commands).toEqual([
      '$ npm run build',
      expect.stringMatching(
        /^\$ npx cdk deploy -c stage=prod -c region=eu-north-1 -c mailFrom=kohtaamo@example.fi -c alarmEmail=ops@example.fi kohtaamo-prod-stateful kohtaamo-prod-stateless --outputs-file \S+prod-outputs.json$/,
      ),
      expect.stringMatching(
        /kohtaamo-prod-edge-alarms --parameters kohtaamo-prod-edge-alarms:DistributionId=/,
      ),
    ]);
  });

  it('refuses a wrong configuration before doing anything', async () => {
    const result = await runScript(
      'scripts/deploy.ts',
      ['--stage', 'Prod', '--domain', 'kohtaamo.example.fi'],
      {},
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stage: lower-case letters');
    expect(result.stdout).not.toContain('$ npm run build');
  });

  it('destroys only what can be rebuilt', async () => {
    const result = await runScript('scripts/destroy.ts', ['--dry-run', '--stage', 'prod'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'npx cdk destroy -c stage=prod -c region=eu-north-1 kohtaamo-prod-edge-alarms kohtaamo-prod-stateless',
    );
    expect(result.stdout).not.toMatch(/destroy[^\n]*stateful/);
  });
});
