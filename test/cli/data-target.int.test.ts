// The data commands against a deployed stage's table (`--stage`): the same scripts through the AWS
// SDK, with the DynamoDB endpoint pointed at a dynalite of this test (the SDK reads
// AWS_ENDPOINT_URL_DYNAMODB), so the AWS code path runs here, credentials and all.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation } from '../support/test-db';
import { createDb } from '../../shared/src/db/client';
import { ensureTable, localClient, startLocalDynamo } from '../../shared/src/db/local';
import { ensureWorkspace } from '../../shared/src/workspace/workspace.store';
import { runScript } from '../support/processes';

describe('data commands with --stage', () => {
  let dir: string;
  let engine: Awaited<ReturnType<typeof startLocalDynamo>>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kohtaamo-stage-'));
    engine = await startLocalDynamo();
    const client = localClient(engine.endpoint);
    await ensureTable(client, 'kohtaamo-clitest');
    client.destroy();
    const db = createDb({
      table: 'kohtaamo-clitest',
      region: 'eu-north-1',
      endpoint: engine.endpoint,
      cursorSecret: 'stage-test-cursor-secret-0123456789-0123456789',
    });
    const workspace = await ensureWorkspace(db, 'default', 'Tuotanto');
    await addAssociation(db, workspace, { name: 'Varkauden Vertaiset ry', municipalities: ['Varkaus'] });
    env = {
      AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_PROFILE: '',
      // No local data is touched: a data directory that does not exist stays that way.
      KOHTAAMO_DATA_DIR: join(dir, 'no-local-data'),
    };
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a spreadsheet, exports the handover package and imports it into a new workspace of the stage', async () => {
    const sheet = join(dir, 'lista.csv');
    await writeFile(sheet, 'Nimi;Kunta\r\nLeppävirran Läheiset ry;Leppävirta\r\n');
    const imported = await runScript(
      'scripts/import-spreadsheet.ts',
      [sheet, '--stage', 'clitest', '--region', 'eu-north-1'],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 1 associations into "default"');

    const out = join(dir, 'paketti.zip');
    const exported = await runScript('scripts/handover.ts', ['--out', out, '--stage', 'clitest'], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('from the table kohtaamo-clitest in eu-north-1');
    const files = unzipSync(new Uint8Array(await readFile(out)));
    const names = strFromU8(files['associations.csv'] as Uint8Array);
    expect(names).toContain('Varkauden Vertaiset ry');
    expect(names).toContain('Leppävirran Läheiset ry');

    const restored = await runScript(
      'scripts/import-handover.ts',
      [out, '--workspace', 'jatkaja', '--stage', 'clitest'],
      env,
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Imported into workspace "jatkaja": 2 association');
  });

  it('refuses a stage name that is not one', async () => {
    const bad = await runScript(
      'scripts/handover.ts',
      ['--out', join(dir, 'x.zip'), '--stage', 'Prod!'],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('stage: lower-case letters');
  });
});
