// One spreadsheet import, step by step: the file's check (a background job reads it once, within
// limits; the page waits for it), the columns (suggested, confirmed by the user), the check of the
// rows (every row's problems, the duplicates with a choice each; nothing written yet), then the
// import itself as a background job with its progress and result. The load only reads: the file
// is never parsed in a page view.
import { error, redirect } from '@sveltejs/kit';
import { NotFoundError, ValidationError } from '@kohtaamo/shared/errors';
import { newId } from '@kohtaamo/shared/ids';
import { importFields, type ImportField } from '@kohtaamo/shared/import/column-mapping';
import {
  duplicateChoices,
  planSpreadsheetImport,
  type DuplicateChoice,
} from '@kohtaamo/shared/import/import-spreadsheet';
import {
  getImportSession,
  mappingOf,
  markImportStarted,
  readParsedTable,
  requestImportCheck,
  saveMapping,
  uploadKey,
  type ImportSession,
} from '@kohtaamo/shared/import/import-session';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@kohtaamo/shared/import/import-limits';
import type { Table } from '@kohtaamo/shared/import/read-table';
import type { Job } from '@kohtaamo/shared/jobs/job.schema';
import { createJob, getJob, jobEndedWithin, requeueJob } from '@kohtaamo/shared/jobs/job.store';
import { isStuck } from '@kohtaamo/shared/jobs/job-state';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

/** How long the check action waits for a file's check before showing its progress instead. */
const CHECK_WAIT_MS = 1500;

const missing = () => {
  const text = localised('import.missing');
  return error(404, { message: text.en, ...text });
};

async function findJob(workspaceId: string, jobId: string) {
  try {
    return await getJob(serverContext().db, workspaceId, jobId);
  } catch (caught) {
    if (caught instanceof NotFoundError) return undefined;
    throw caught;
  }
}

/** Whether the browser's upload arrived (read without fetching the file). */
async function uploaded(workspaceId: string, id: string): Promise<boolean> {
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

export const load: PageServerLoad = async ({ locals, params, url }) => {
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

export const actions: Actions = {
  // Reads the uploaded file in the background (the page posts this by itself when it can).
  check: async ({ locals, params }) => {
    const { db, jobs } = serverContext();
    const me = member(locals);
    const session = await orHttpError(getImportSession(db, me.workspaceId, params.id));
    if (!session && !(await uploaded(me.workspaceId, params.id))) missing();
    if (!session?.checkedAt) {
      const jobId = await orHttpError(
        requestImportCheck(db, me.workspaceId, { id: params.id, by: me.userId }),
      );
      const job = await findJob(me.workspaceId, jobId);
      if (job?.status === 'failed') await orHttpError(requeueJob(db, me.workspaceId, jobId));
      await jobs.launch(me.workspaceId, jobId);
      // Most files are read in moments: the next page then shows the columns (or the refusal) at once.
      await orHttpError(jobEndedWithin(db, me.workspaceId, jobId, CHECK_WAIT_MS));
    }
    redirect(303, `/admin/import/${params.id}`);
  },

  columns: async ({ request, locals, params }) => {
    const { db } = serverContext();
    const me = member(locals);
    const form = await request.formData();
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const result = await runAction('columns', values, async () => {
      const mapping = new Map<number, ImportField>();
      for (const [name, value] of Object.entries(values)) {
        const index = /^column-(\d{1,4})$/.exec(name)?.[1];
        if (index === undefined || value === '') continue;
        if (!(importFields as readonly string[]).includes(value)) {
          throw new ValidationError([{ field: name, message: localised('msg:field.unknown') }]);
        }
        mapping.set(Number(index), value as ImportField);
      }
      await saveMapping(db, me.workspaceId, {
        id: params.id,
        expectedVersion: Number(values.version),
        mapping,
      });
    });
    if (result !== undefined) return result;
    redirect(303, `/admin/import/${params.id}`);
  },

  start: async ({ request, locals, params }) => {
    const { db, jobs } = serverContext();
    const me = member(locals);
    const form = await request.formData();
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const result = await runAction('start', values, async () => {
      const choices: Record<string, DuplicateChoice> = {};
      for (const [name, value] of Object.entries(values)) {
        const row = /^choice-(\d{1,5})$/.exec(name)?.[1];
        if (row === undefined) continue;
        if (!(duplicateChoices as readonly string[]).includes(value)) {
          throw new ValidationError([{ field: name, message: localised('msg:field.unknown') }]);
        }
        choices[row] = value as DuplicateChoice;
      }
      const jobId = newId();
      // The import is marked started first (version-checked): of two admins, one starts it.
      await markImportStarted(db, me.workspaceId, {
        id: params.id,
        expectedVersion: Number(values.version),
        choices,
        jobId,
      });
      await createJob(db, me.workspaceId, {
        id: jobId,
        kind: 'import',
        params: { importId: params.id },
        by: me.userId,
      });
      await jobs.launch(me.workspaceId, jobId);
    });
    if (result !== undefined) return result;
    redirect(303, `/admin/import/${params.id}`);
  },

  retry: async ({ locals, params }) => {
    const { db, jobs } = serverContext();
    const me = member(locals);
    const session = await orHttpError(getImportSession(db, me.workspaceId, params.id));
    const jobId = session?.jobId;
    if (!jobId) missing();
    const job =
      (await findJob(me.workspaceId, jobId as string)) ??
      (await orHttpError(
        createJob(db, me.workspaceId, {
          id: jobId as string,
          kind: 'import',
          params: { importId: params.id },
          by: me.userId,
        }),
      ));
    if (job.status === 'failed') await orHttpError(requeueJob(db, me.workspaceId, job.id));
    if (job.status !== 'done') await jobs.launch(me.workspaceId, job.id);
    redirect(303, `/admin/import/${params.id}`);
  },
};
