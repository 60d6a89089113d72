// A background job: work too long for one web request (building a handover package, importing a
// spreadsheet, recording a mass mailing). The item holds its state and progress, so any page can
// show how far it is, and a run that died can be taken over and finished (every job kind is safe
// to run again).
import { z } from 'zod';
import type { Localised } from '../i18n/messages';
import { lineText } from '../schema-helpers';

export const JOB_SCHEMA_VERSION = 1;

/** `import-check` reads an uploaded spreadsheet once; `import` imports its rows. */
export const jobKinds = ['handover', 'import-check', 'import', 'mailing'] as const;
export type JobKind = (typeof jobKinds)[number];

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobParamsSchemas = {
  handover: z.object({ includePersons: z.boolean(), exportedBy: lineText().min(1).max(200) }),
  'import-check': z.object({ importId: z.string() }),
  import: z.object({ importId: z.string() }),
  mailing: z.object({ campaignId: z.string() }),
} satisfies Record<JobKind, z.ZodType>;

export type JobParams<K extends JobKind> = z.output<(typeof jobParamsSchemas)[K]>;

export interface JobProgress {
  done: number;
  total: number;
}

export interface Job<K extends JobKind = JobKind> {
  sv: number;
  id: string;
  workspaceId: string;
  kind: K;
  params: JobParams<K>;
  status: JobStatus;
  progress: JobProgress;
  createdAt: string;
  createdBy: string;
  /** The run that owns the job while it runs; a write by any other run is refused. */
  runId?: string;
  startedAt?: string;
  /** Written with every progress update; a running job without one for long has died. */
  heartbeatAt?: string;
  finishedAt?: string;
  /** What the job made, for the page that shows it (e.g. the package's storage key). */
  result?: Record<string, unknown>;
  /** Why it failed, safe to show. */
  error?: Localised;
}
