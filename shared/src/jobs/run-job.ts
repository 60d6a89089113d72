// Runs one background job to its end: claim it, run its kind's handler with a progress callback
// (which is also the heartbeat), record the outcome. The same function runs in the local server
// process and in the jobs Lambda. A job another run owns is left alone.
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { localised, type Localised } from '../i18n/messages';
import { newId } from '../ids';
import type { BlobStore } from '../storage/blob-store';
import type { Workspace } from '../workspace/workspace.schema';
import { getWorkspace } from '../workspace/workspace.store';
import { jobParamsSchemas, type Job, type JobKind, type JobProgress, type JobStatus } from './job.schema';
import { claimJob, finishJob, getJob, recordJobProgress } from './job.store';

export interface JobDeps {
  db: Db;
  blobs: BlobStore;
}

export interface JobContext<K extends JobKind = JobKind> extends JobDeps {
  workspace: Workspace;
  job: Job<K>;
  /** Reports how far the job is; written at most once a second (and always at 100 %). */
  progress: (done: number, total: number) => Promise<void>;
}

export interface JobOutcome {
  result: Record<string, unknown>;
  progress: JobProgress;
}

export type JobHandler<K extends JobKind = JobKind> = (context: JobContext<K>) => Promise<JobOutcome>;
export type JobHandlers = { [K in JobKind]?: JobHandler<K> };

/** Thrown inside a run that lost its job to another run: it stops without writing more. */
export class JobTakenOverError extends Error {
  constructor() {
    super('Another run took this job over');
    this.name = 'JobTakenOverError';
  }
}

const PROGRESS_INTERVAL_MS = 1000;

const genericFailure: Localised = localised('runJob.theJobStoppedOnAn');

export async function runJob(
  deps: JobDeps,
  handlers: JobHandlers,
  workspaceId: string,
  jobId: string,
  options: { runId?: string; log?: (message: string) => void } = {},
): Promise<JobStatus | 'not-claimed'> {
  const runId = options.runId ?? newId();
  const { db } = deps;
  if (!(await claimJob(db, workspaceId, jobId, runId))) return 'not-claimed';
  const job = await getJob(db, workspaceId, jobId);
  const handler = handlers[job.kind] as JobHandler | undefined;
  let lastWrite = 0;
  const progress = async (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = now;
    if (!(await recordJobProgress(db, workspaceId, jobId, runId, { done, total }))) {
      throw new JobTakenOverError();
    }
  };
  try {
    if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
    const params = jobParamsSchemas[job.kind].parse(job.params);
    const workspace = await getWorkspace(db, workspaceId);
    const outcome = await handler({ ...deps, workspace, job: { ...job, params }, progress });
    await finishJob(db, workspaceId, jobId, runId, outcome);
    return 'done';
  } catch (error) {
    if (error instanceof JobTakenOverError) return 'running';
    // The type only: messages may carry personal data.
    options.log?.(`job ${job.kind} failed: ${error instanceof Error ? error.name : 'unknown'}`);
    const safe = error instanceof AppError ? error.safe : genericFailure;
    await finishJob(db, workspaceId, jobId, runId, { error: safe });
    return 'failed';
  }
}
