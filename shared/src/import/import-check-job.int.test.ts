// The check an uploaded spreadsheet goes through, against dynalite and a folder blob store: read
// once by its job (rows kept beside the upload, headers, examples and suggested mapping on the
// import), idempotent, refused with a message naming the limit, and the import job then works
// from the kept rows without reading the upload again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshWorkspace, testDb } from '../../../test/support/test-db';
import { newId } from '../ids';
import { jobHandlers } from '../jobs/job-handlers';
import { createJob, getJob } from '../jobs/job.store';
import { runJob } from '../jobs/run-job';
import type { BlobStore } from '../storage/blob-store';
import { localBlobStore } from '../storage/local-blob-store';
import {
  checkJobIdOf,
  getImportSession,
  markImportStarted,
  parsedRowsKey,
  readParsedTable,
  requestImportCheck,
  saveMapping,
  uploadKey,
} from './import-session';

const db = testDb();
let root: string;
let blobs: BlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kohtaamo-import-check-'));
  blobs = localBlobStore(root, { secret: 'import-check-test-secret-0123456789-0123' });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function upload(workspaceId: string, text: string | Buffer): Promise<string> {
  const id = newId();
  await blobs.put(uploadKey(workspaceId, id), Readable.from([Buffer.from(text)]), 'text/csv');
  return id;
}

/** The upload's store that counts how often the upload itself is read. */
function countingReads(store: BlobStore, key: string) {
  const counter = { reads: 0 };
  const counted: BlobStore = {
    ...store,
    getBytes: (k, max) => {
      if (k === key) counter.reads++;
      return store.getBytes(k, max);
    },
  };
  return { counted, counter };
}

describe('checking an uploaded spreadsheet in the background', () => {
  it('reads the file once: rows kept beside the upload, headers and examples on the import', async () => {
    const workspace = await freshWorkspace(db);
    const id = await upload(workspace.id, 'Nimi;Kunta;Outo\nKerho ry;Kuopio;x\nToinen ry;Tervo;\n');
    const { counted, counter } = countingReads(blobs, uploadKey(workspace.id, id));
    const jobId = await requestImportCheck(db, workspace.id, { id, by: 'admin-1' });
    expect(await requestImportCheck(db, workspace.id, { id, by: 'admin-1' })).toBe(jobId);
    expect(jobId).toBe(checkJobIdOf(workspace.id, id));
    expect(await getImportSession(db, workspace.id, id)).toMatchObject({ headers: [], checkJobId: jobId });
    expect(await runJob({ db, blobs: counted }, jobHandlers, workspace.id, jobId)).toBe('done');
    const session = await getImportSession(db, workspace.id, id);
    expect(session).toMatchObject({
      headers: ['Nimi', 'Kunta', 'Outo'],
      examples: [['Kerho ry', 'Toinen ry'], ['Kuopio', 'Tervo'], ['x']],
      mapping: [
        [0, 'name'],
        [1, 'municipalities'],
      ],
      format: 'csv',
      rowCount: 2,
    });
    expect(session?.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(session?.checkedAt).toBeDefined();
    expect(await readParsedTable(blobs, session as NonNullable<typeof session>)).toEqual({
      headers: ['Nimi', 'Kunta', 'Outo'],
      rows: [
        ['Kerho ry', 'Kuopio', 'x'],
        ['Toinen ry', 'Tervo', ''],
      ],
    });
    expect(parsedRowsKey(workspace.id, id)).toBe(`imports/${workspace.id}/${id}/rows.json`);

    // The import job works from the kept rows: the upload is not read again.
    await saveMapping(db, workspace.id, {
      id,
      expectedVersion: session?.version as number,
      mapping: new Map([[0, 'name'] as const, [1, 'municipalities'] as const]),
    });
    const importJobId = newId();
    const confirmed = await getImportSession(db, workspace.id, id);
    await markImportStarted(db, workspace.id, {
      id,
      expectedVersion: confirmed?.version as number,
      choices: {},
      jobId: importJobId,
    });
    await createJob(db, workspace.id, {
      id: importJobId,
      kind: 'import',
      params: { importId: id },
      by: 'admin-1',
    });
    expect(await runJob({ db, blobs: counted }, jobHandlers, workspace.id, importJobId)).toBe('done');
    expect((await getJob(db, workspace.id, importJobId)).result).toMatchObject({ imported: 2 });
    expect(counter.reads).toBe(1);
  });

  it('fails the check with a message that names the limit, and keeps no rows', async () => {
    const workspace = await freshWorkspace(db);
    const id = await upload(workspace.id, `Nimi\n"${'x'.repeat(20_000)}"\n`);
    const jobId = await requestImportCheck(db, workspace.id, { id, by: 'admin-1' });
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, jobId)).toBe('failed');
    expect((await getJob(db, workspace.id, jobId)).error).toEqual({
      fi: 'Tiedoston solussa on yli 10 000 merkkiä (enintään 10 000 merkkiä solussa). Lyhennä se.',
      en: 'A cell of the file has more than 10,000 characters (at most 10,000 characters a cell). Shorten it.',
    });
    const session = await getImportSession(db, workspace.id, id);
    expect(session?.checkedAt).toBeUndefined();
    expect(await readParsedTable(blobs, session as NonNullable<typeof session>)).toBeUndefined();
    // Nothing can be confirmed or started on a file that was not read.
    await expect(
      saveMapping(db, workspace.id, { id, expectedVersion: session?.version as number, mapping: new Map() }),
    ).rejects.toThrow(/changed/i);
  });

  it('fails with a clear message when the upload is gone', async () => {
    const workspace = await freshWorkspace(db);
    const id = newId();
    const jobId = await requestImportCheck(db, workspace.id, { id, by: 'admin-1' });
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, jobId)).toBe('failed');
    expect((await getJob(db, workspace.id, jobId)).error?.en).toMatch(/file to import is gone/);
  });
});
