// Data access for background jobs: create (22), read (22), recent jobs of a kind (23), and the
// conditional state changes of a run. A run claims a queued job, or one whose run stopped sending
// heartbeats; from then on only that run may write progress and the outcome.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryPage, run, updateIf } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { NotFoundError } from '../errors';
import { localised, type Localised } from '../i18n/messages';
import { putIfAbsent } from '../db/operations';
import { parseId } from '../validation';
import { JOB_SCHEMA_VERSION, type Job, type JobKind, type JobParams, type JobProgress } from './job.schema';

import { STALE_AFTER_MS } from './job-state';

export async function createJob<K extends JobKind>(
  db: Db,
  workspaceId: string,
  request: { id: string; kind: K; params: JobParams<K>; by: string },
): Promise<Job<K>> {
  const id = parseId(request.id);
  const now = db.now().toISOString();
  const job: Job<K> = {
    sv: JOB_SCHEMA_VERSION,
    id,
    workspaceId,
    kind: request.kind,
    params: request.params,
    status: 'queued',
    progress: { done: 0, total: 0 },
    createdAt: now,
    createdBy: request.by,
  };
  const created = await putIfAbsent(db, {
    ...keys.job(workspaceId, id),
    ...keys.jobList(workspaceId, request.kind, now, id),
    type: 'job',
    ...job,
  });
  return created ? job : ((await getJob(db, workspaceId, id)) as Job<K>);
}

export async function getJob(db: Db, workspaceId: string, id: string): Promise<Job> {
  parseId(id);
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.job(workspaceId, id), ConsistentRead: true }),
    ),
  );
  if (!result.Item) throw new NotFoundError(localised('jobStore.jobNotFound'));
  return stripKeys<Job>(result.Item);
}

/** Pattern 23: the latest jobs of a kind, newest first. */
export async function listRecentJobs(db: Db, workspaceId: string, kind: JobKind, limit = 10): Promise<Job[]> {
  const page = await queryPage<Job>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.jobListPartition(workspaceId, kind) },
      ScanIndexForward: false,
    },
    { scope: `jobs:${workspaceId}:${kind}`, limit },
  );
  return page.items;
}

/** Makes `runId` the owner of the job if it is queued or its run went silent; false otherwise. */
export async function claimJob(db: Db, workspaceId: string, id: string, runId: string): Promise<boolean> {
  const now = db.now();
  return updateIf(db, {
    Key: keys.job(workspaceId, id),
    UpdateExpression:
      'SET #status = :running, runId = :run, startedAt = :now, heartbeatAt = :now REMOVE #error',
    ConditionExpression:
      'attribute_exists(pk) AND (#status = :queued OR (#status = :running AND heartbeatAt < :stale))',
    ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
    ExpressionAttributeValues: {
      ':running': 'running',
      ':queued': 'queued',
      ':run': runId,
      ':now': now.toISOString(),
      ':stale': new Date(now.getTime() - STALE_AFTER_MS).toISOString(),
    },
  });
}

/** Sets a failed job back to queued, so it can run again (each kind is safe to repeat). */
export async function requeueJob(db: Db, workspaceId: string, id: string): Promise<boolean> {
  return updateIf(db, {
    Key: keys.job(workspaceId, id),
    UpdateExpression: 'SET #status = :queued REMOVE runId, #error',
    ConditionExpression: 'attribute_exists(pk) AND #status = :failed',
    ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
    ExpressionAttributeValues: { ':queued': 'queued', ':failed': 'failed' },
  });
}

/** A write that only the owning run may make; false when another run took the job over. */
async function ownedUpdate(
  db: Db,
  workspaceId: string,
  id: string,
  runId: string,
  update: { expression: string; names?: Record<string, string>; values: Record<string, unknown> },
): Promise<boolean> {
  return updateIf(db, {
    Key: keys.job(workspaceId, id),
    UpdateExpression: update.expression,
    ConditionExpression: 'runId = :run',
    ...(update.names ? { ExpressionAttributeNames: update.names } : {}),
    ExpressionAttributeValues: { ...update.values, ':run': runId },
  });
}

export function recordJobProgress(
  db: Db,
  workspaceId: string,
  id: string,
  runId: string,
  progress: JobProgress,
): Promise<boolean> {
  return ownedUpdate(db, workspaceId, id, runId, {
    expression: 'SET progress = :progress, heartbeatAt = :now',
    values: { ':progress': progress, ':now': db.now().toISOString() },
  });
}

export function finishJob(
  db: Db,
  workspaceId: string,
  id: string,
  runId: string,
  outcome: { result: Record<string, unknown>; progress: JobProgress } | { error: Localised },
): Promise<boolean> {
  const now = db.now().toISOString();
  return 'error' in outcome
    ? ownedUpdate(db, workspaceId, id, runId, {
        expression: 'SET #status = :failed, #error = :error, finishedAt = :now, heartbeatAt = :now',
        names: { '#status': 'status', '#error': 'error' },
        values: { ':failed': 'failed', ':error': outcome.error, ':now': now },
      })
    : ownedUpdate(db, workspaceId, id, runId, {
        expression:
          'SET #status = :done, #result = :result, progress = :progress, finishedAt = :now, heartbeatAt = :now',
        names: { '#status': 'status', '#result': 'result' },
        values: { ':done': 'done', ':result': outcome.result, ':progress': outcome.progress, ':now': now },
      });
}

/**
 * The job once it has ended, polling for at most `withinMs` (for a page that can show a short job's
 * outcome at once instead of a progress page); undefined when it is still queued or running then.
 */
export async function jobEndedWithin(
  db: Db,
  workspaceId: string,
  id: string,
  withinMs: number,
  everyMs = 100,
): Promise<Job | undefined> {
  const until = Date.now() + withinMs;
  for (;;) {
    const job = await getJob(db, workspaceId, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    if (Date.now() + everyMs > until) return undefined;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
