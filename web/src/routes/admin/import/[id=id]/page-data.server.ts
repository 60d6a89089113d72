// An import's page: the check, the columns, the row plan and the result of the job.
import { error } from '@sveltejs/kit';
import { NotFoundError } from '@kohtaamo/shared/errors';
import { importFields } from '@kohtaamo/shared/import/column-mapping';
import { planSpreadsheetImport, type DuplicateChoice } from '@kohtaamo/shared/import/import-spreadsheet';
import {
  getImportSession,
  mappingOf,
  readParsedTable,
  uploadKey,
  type ImportSession,
} from '@kohtaamo/shared/import/import-session';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@kohtaamo/shared/import/import-limits';
import type { Table } from '@kohtaamo/shared/import/read-table';
import type { Job } from '@kohtaamo/shared/jobs/job.schema';
import { getJob } from '@kohtaamo/shared/jobs/job.store';
import { isStuck } from '@kohtaamo/shared/jobs/job-state';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const missing = () => {
  const text = localised('import.missing');
  return error(404, { message: text.en, ...text });
};

export async function findJob(workspaceId: string, jobId: string) {
  try {
    return await getJob(serverContext().db, workspaceId, jobId);
  } catch (caught) {
    if (caught instanceof NotFoundError) return undefined;
    throw caught;
  }
}

/** Whether the browser's upload arrived (read without fetching the file). */
export async function uploaded(workspaceId: string, id: string): Promise<boolean> {
  const stream = await orHttpError(serverContext().blobs.getStream(uploadKey(workspaceId, id)));
  stream?.destroy();
  return stream !== undefined;
}

const jobView = (job: Job | undefined, id: string) =>
  job
    ? { id: job.id, status: job.status, progress: job.progress, error: job.error, result: job.result }
    : { id, status: 'queued' as const, progress: { done: 0, total: 0 } };

async function checkStep(session: ImportSession | undefined, workspaceId: string, id: string) {
  if (!session?.checkJobId) {
    if (!session && !(await uploaded(workspaceId, id))) missing();
    return { step: 'received' as const, id };
  }
  const job = await findJob(workspaceId, session.checkJobId);
  // A file past a limit (or not a spreadsheet) fails its check job with a message naming why.
  if (job?.status === 'failed') {
    return { step: 'unreadable' as const, id, problem: job.error ?? localised('import.missing') };
  }
  return {
    step: 'checking' as const,
    id,
    createdAt: session.createdAt,
    job: jobView(job, session.checkJobId),
    stuck: !job || isStuck(job, serverContext().db.now()),
    limits: { rows: MAX_IMPORT_ROWS, columns: MAX_IMPORT_COLUMNS, chars: MAX_CELL_CHARS },
  };
}

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */
export const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
  const { db, blobs } = serverContext();
  const me = member(locals);
  const session = await orHttpError(getImportSession(db, me.workspaceId, params.id));
  // (An import begun before files were read by a check job has no `checkedAt` but its headers.)
  if (!session?.checkedAt && !session?.jobId) return checkStep(session, me.workspaceId, params.id);
  const mapping = mappingOf(session);
  const columns = session.headers.map((header, index) => ({
    index,
    header,
    field: mapping.get(index) ?? '',
    examples: session.examples?.[index] ?? [],
  }));
  const base = {
    id: session.id,
    version: session.version,
    createdAt: session.createdAt,
    columns,
    fields: importFields,
  };
  if (session.jobId) {
    const job = await findJob(me.workspaceId, session.jobId);
    return {
      ...base,
      step: 'import' as const,
      // A job that was never written (a crash right after the import was marked started) waits
      // for the retry button, which writes and starts it.
      job: jobView(job, session.jobId),
      stuck: !job || isStuck(job, db.now()),
    };
  }
  if (!session.mappingConfirmed || url.searchParams.get('step') === 'columns') {
    return { ...base, step: 'columns' as const };
  }
  const table = await orHttpError(readParsedTable(blobs, session));
  if (!table) missing();
  const plan = await orHttpError(
    planSpreadsheetImport(db, me.workspaceId, table as Table, mapping, session.fileHash),
  );
  return {
    ...base,
    step: 'check' as const,
    counts: plan.counts,
    rows: plan.rows.length,
    problems: plan.rows.flatMap((row) => row.problems),
    duplicates: plan.rows
      .filter((row) => row.status === 'duplicate' && row.duplicateOf)
      .map((row) => ({
        row: row.row,
        name: row.association?.name ?? '',
        municipality: row.association?.municipalities.join(', ') ?? '',
        duplicateOf: row.duplicateOf as NonNullable<typeof row.duplicateOf>,
        choice: session.choices[String(row.row)] ?? ('skip' as DuplicateChoice),
      })),
  };
};
