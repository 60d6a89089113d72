// Pure rules about a job's state, for the pages that show one.
import type { Job } from './job.schema';

/** A run silent for this long has died (a killed process, a Lambda timeout): another may take over. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

/** Queued jobs normally start within seconds; after this the page offers to start it again. */
export const QUEUED_TOO_LONG_MS = 60_000;

/** A job that should have moved by now: queued but never started, or running without heartbeats. */
export function isStuck(job: Pick<Job, 'status' | 'createdAt' | 'heartbeatAt'>, now: Date): boolean {
  const since = (at: string | undefined) => now.getTime() - new Date(at ?? job.createdAt).getTime();
  if (job.status === 'queued') return since(job.createdAt) > QUEUED_TOO_LONG_MS;
  return job.status === 'running' && since(job.heartbeatAt) > STALE_AFTER_MS;
}
