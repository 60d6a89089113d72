// One spreadsheet import, step by step: the columns (suggested, confirmed by the user), the check
// (every row's problems, the duplicates with a choice each; nothing written yet), then the import
// itself as a background job with its progress and result.
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
  openImportSession,
  saveMapping,
  uploadKey,
} from '@kohtaamo/shared/import/import-session';
import { MAX_IMPORT_BYTES } from '@kohtaamo/shared/import/read-table';
import { createJob, getJob, requeueJob } from '@kohtaamo/shared/jobs/job.store';
import { isStuck } from '@kohtaamo/shared/jobs/job-state';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const EXAMPLES = 3;

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

async function sessionAndTable(locals: App.Locals, id: string) {
  const { db, blobs } = serverContext();
  const me = member(locals);
  const existing = await orHttpError(getImportSession(db, me.workspaceId, id));
  const bytes = await orHttpError(
    blobs.getBytes(existing?.blobKey ?? uploadKey(me.workspaceId, id), MAX_IMPORT_BYTES),
  );
  if (!bytes) missing();
  return openImportSession(db, me.workspaceId, { id, bytes: bytes as Buffer, by: me.userId });
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { db } = serverContext();
  const me = member(locals);
  let opened;
  try {
    opened = await sessionAndTable(locals, params.id);
  } catch (caught) {
    // A file that cannot be read (not CSV/XLSX, too many rows, no headers) is a message, not a crash.
    if (caught instanceof ValidationError)
      return { step: 'unreadable' as const, problem: caught.fields[0]?.message ?? caught.safe };
    throw caught;
  }
  const { session, table } = opened;
  const job = session.jobId ? await findJob(me.workspaceId, session.jobId) : undefined;
  const mapping = mappingOf(session);
  const columns = table.headers.map((header, index) => ({
    index,
    header,
    field: mapping.get(index) ?? '',
    examples: table.rows
      .map((row) => row[index] ?? '')
      .filter((value) => value !== '')
      .slice(0, EXAMPLES),
  }));
  const base = {
    id: session.id,
    version: session.version,
    createdAt: session.createdAt,
    columns,
    fields: importFields,
  };
  if (session.jobId) {
    return {
      ...base,
      step: 'import' as const,
      // A job that was never written (a crash right after the import was marked started) waits
      // for the retry button, which writes and starts it.
      job: job
        ? { id: job.id, status: job.status, progress: job.progress, error: job.error, result: job.result }
        : { id: session.jobId, status: 'queued' as const, progress: { done: 0, total: 0 } },
      stuck: !job || isStuck(job, db.now()),
    };
  }
  if (!session.mappingConfirmed || url.searchParams.get('step') === 'columns') {
    return { ...base, step: 'columns' as const };
  }
  const plan = await orHttpError(planSpreadsheetImport(db, me.workspaceId, table, mapping, session.fileHash));
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
