// The jobs Lambda handler invoked with the event the web function sends, against dynalite and a
// folder blob store: the job runs once, a repeated invocation (Lambda's retry) changes nothing,
// and an event that is not ours is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@kohtaamo/shared/ids';
import { jobHandlers } from '@kohtaamo/shared/jobs/job-handlers';
import { createJob, getJob } from '@kohtaamo/shared/jobs/job.store';
import { localBlobStore } from '@kohtaamo/shared/storage/local-blob-store';
import { ValidationError } from '@kohtaamo/shared/errors';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { createJobsHandler } from './jobs-handler';
import { lambdaContext } from '../../test-support/lambda-context';

const context = lambdaContext({ functionName: 'jobs', remainingMs: 900_000 });
const db = testDb();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kohtaamo-jobs-lambda-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('jobs Lambda', () => {
  it('runs the job named by the event once; a retried invocation finds it done', async () => {
    const workspace = await freshWorkspace(db);
    await addAssociation(db, workspace, { name: 'Iisalmen Invalidit ry' });
    const job = await createJob(db, workspace.id, {
      id: newId(),
      kind: 'handover',
      params: { includePersons: true, exportedBy: 'Anna' },
      by: 'anna',
    });
    const blobs = localBlobStore(root, { secret: 'jobs-lambda-secret-0123456789-0123456789' });
    const handler = createJobsHandler(() => ({ db, blobs }), jobHandlers);
    const event = { kind: 'run-job', workspaceId: workspace.id, jobId: job.id };
    expect(await handler(event, context)).toEqual({ status: 'done' });
    const done = await getJob(db, workspace.id, job.id);
    expect(done.status).toBe('done');
    const result = done.result as { key: string; bytes: number };
    const zip = await blobs.getBytes(result.key, 5_000_000);
    // The stored package is the zip the job reported: its size, and a zip's signature.
    expect(zip?.length).toBe(result.bytes);
    expect(zip?.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(await handler(event, context)).toEqual({ status: 'not-claimed' });
  });

  it('refuses an event that is not a job run', async () => {
    const handler = createJobsHandler(
      () => ({ db, blobs: localBlobStore(root, { secret: 'x'.repeat(40) }) }),
      jobHandlers,
    );
    await expect(
      handler({ kind: 'run-job', workspaceId: 'WS#x', jobId: 'nope' }, context),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(handler({ Records: [] }, context)).rejects.toBeInstanceOf(ValidationError);
  });
});
