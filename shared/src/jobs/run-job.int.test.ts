// Background jobs against dynalite: one owner per run, takeover of a run that went silent, the
// outcome recorded; the handover job end to end into a folder blob store; launching in process
// and through Lambda (its HTTP API answered by a fake handler under the real SDK client).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.store';
import { ValidationError } from '../errors';
import { newId } from '../ids';
import { helsinkiMonth } from '../time/helsinki';
import { localBlobStore } from '../storage/local-blob-store';
import type { BlobStore } from '../storage/blob-store';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { jobHandlers } from './job-handlers';
import { inProcessLauncher, lambdaLauncher, runJobEventSchema } from './job-launcher';
import {
  claimJob,
  createJob,
  finishJob,
  getJob,
  jobEndedWithin,
  listRecentJobs,
  recordJobProgress,
  requeueJob,
} from './job.store';
import { runJob } from './run-job';

let clock = new Date('2026-12-01T10:00:00.000Z');
const db = testDb({ now: () => clock });
let root: string;
let blobs: BlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kohtaamo-jobs-'));
  blobs = localBlobStore(root, { secret: 'jobs-test-secret-0123456789-0123456789' });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const handoverJob = (workspaceId: string, includePersons = true) =>
  createJob(db, workspaceId, {
    id: newId(),
    kind: 'handover',
    params: { includePersons, exportedBy: 'Anna Admin' },
    by: 'anna',
  });

describe('background jobs', () => {
  it('lets one run own a job; another run may take it over only after it went silent', async () => {
    const workspace = await freshWorkspace(db);
    const job = await handoverJob(workspace.id);
    expect(await claimJob(db, workspace.id, job.id, 'run-a')).toBe(true);
    expect(await claimJob(db, workspace.id, job.id, 'run-b')).toBe(false);
    expect(await recordJobProgress(db, workspace.id, job.id, 'run-b', { done: 1, total: 2 })).toBe(false);
    expect(await recordJobProgress(db, workspace.id, job.id, 'run-a', { done: 1, total: 2 })).toBe(true);

    clock = new Date(clock.getTime() + 3 * 60 * 1000);
    expect(await claimJob(db, workspace.id, job.id, 'run-b')).toBe(true);
    // The first run's late writes change nothing.
    expect(
      await finishJob(db, workspace.id, job.id, 'run-a', { result: {}, progress: { done: 2, total: 2 } }),
    ).toBe(false);
    expect((await getJob(db, workspace.id, job.id)).status).toBe('running');
    expect(
      await finishJob(db, workspace.id, job.id, 'run-b', {
        result: { ok: 1 },
        progress: { done: 2, total: 2 },
      }),
    ).toBe(true);
    expect(await getJob(db, workspace.id, job.id)).toMatchObject({ status: 'done', result: { ok: 1 } });
    // A finished job is never claimed again.
    clock = new Date(clock.getTime() + 10 * 60 * 1000);
    expect(await claimJob(db, workspace.id, job.id, 'run-c')).toBe(false);
  });

  it('builds the handover package into the blob store with progress, and records the export', async () => {
    const workspace = await freshWorkspace(db);
    for (const name of ['Alavuden Apu ry', 'Kuopion Kerho ry', 'Äänekosken Ääni ry']) {
      await addAssociation(db, workspace, { name });
    }
    const job = await handoverJob(workspace.id, false);
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, job.id)).toBe('done');
    const done = await getJob(db, workspace.id, job.id);
    expect(done).toMatchObject({ status: 'done', progress: { done: 3, total: 3 } });
    const result = done.result as { key: string; fileName: string; bytes: number };
    expect(result.fileName).toBe(`kohtaamo-${workspace.id}-2026-12-01-ilman-henkiloita.zip`);
    const zip = await blobs.getBytes(result.key, 10_000_000);
    expect(zip?.length).toBe(result.bytes);
    const files = unzipSync(new Uint8Array(zip as Buffer));
    expect(strFromU8(files['associations.csv'] as Uint8Array)).toContain('Äänekosken Ääni ry');
    const audit = await listAudit(db, workspace.id, { month: helsinkiMonth(clock) });
    expect(audit.items.map((a) => a.action)).toContain('export');
    // Running it again does nothing: it is done.
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, job.id)).toBe('not-claimed');
    expect((await listRecentJobs(db, workspace.id, 'handover')).map((j) => j.id)).toEqual([job.id]);
  });

  it('records a failure with a message safe to show, and a failed job can be queued again', async () => {
    const workspace = await freshWorkspace(db);
    const job = await handoverJob(workspace.id);
    const failing = {
      handover: () => {
        throw new ValidationError([{ field: 'x', message: { fi: 'Huono.', en: 'Bad.' } }], {
          fi: 'Paketti ei valmistunut.',
          en: 'The package was not finished.',
        });
      },
    };
    const logged: string[] = [];
    expect(await runJob({ db, blobs }, failing, workspace.id, job.id, { log: (m) => logged.push(m) })).toBe(
      'failed',
    );
    expect(await getJob(db, workspace.id, job.id)).toMatchObject({
      status: 'failed',
      error: { fi: 'Paketti ei valmistunut.', en: 'The package was not finished.' },
    });
    expect(logged).toEqual(['job handover failed: ValidationError']);
    const crashing = {
      handover: () => Promise.reject(new TypeError('secret personal detail in a message')),
    };
    expect(await requeueJob(db, workspace.id, job.id)).toBe(true);
    expect(await runJob({ db, blobs }, crashing, workspace.id, job.id)).toBe('failed');
    const failed = await getJob(db, workspace.id, job.id);
    expect(JSON.stringify(failed)).not.toContain('secret personal detail');
    expect(failed.error?.en).toMatch(/unexpected error/);
    expect(await requeueJob(db, workspace.id, job.id)).toBe(true);
    expect(await requeueJob(db, workspace.id, job.id)).toBe(false);
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, job.id)).toBe('done');
  });

  it('launches in process after the caller has gone on, and through Lambda as an asynchronous invocation', async () => {
    const workspace = await freshWorkspace(db);
    const job = await handoverJob(workspace.id);
    const ran: string[] = [];
    const launcher = inProcessLauncher(
      async (ws, id) => {
        ran.push(`${ws}/${id}`);
        return runJob({ db, blobs }, jobHandlers, ws, id);
      },
      () => undefined,
    );
    await launcher.launch(workspace.id, job.id);
    expect(ran).toEqual([]);
    await expect.poll(async () => (await getJob(db, workspace.id, job.id)).status).toBe('done');

    const invocations: { path: string; type: string | undefined; payload: unknown }[] = [];
    const client = new LambdaClient({
      region: 'eu-north-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: { path: string; headers: Record<string, string>; body?: unknown }) => {
          invocations.push({
            path: request.path,
            type: request.headers['x-amz-invocation-type'],
            payload: JSON.parse(new TextDecoder().decode(request.body as Uint8Array)),
          });
          return { response: { statusCode: 202, headers: {}, body: new Uint8Array() } };
        },
      },
    });
    await lambdaLauncher(client, 'kohtaamo-prod-jobs').launch(workspace.id, job.id);
    expect(invocations).toHaveLength(1);
    expect(invocations[0]?.path).toBe('/2015-03-31/functions/kohtaamo-prod-jobs/invocations');
    expect(invocations[0]?.type).toBe('Event');
    expect(runJobEventSchema.parse(invocations[0]?.payload)).toEqual({
      kind: 'run-job',
      workspaceId: workspace.id,
      jobId: job.id,
    });
  });

  it('waits a bounded time for a job to end: the ended job, or nothing while it still runs', async () => {
    const workspace = await freshWorkspace(db);
    const job = await handoverJob(workspace.id);
    expect(await jobEndedWithin(db, workspace.id, job.id, 50, 10)).toBeUndefined();
    expect(await jobEndedWithin(db, workspace.id, newId(), 0)).toBeUndefined();
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, job.id)).toBe('done');
    expect(await jobEndedWithin(db, workspace.id, job.id, 0)).toMatchObject({ id: job.id, status: 'done' });
  });
});
