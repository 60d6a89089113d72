// An import's actions: check the file, choose the columns, start the import, retry a failed job.
import { redirect } from '@sveltejs/kit';
import { ValidationError } from '@kohtaamo/shared/errors';
import { newId } from '@kohtaamo/shared/ids';
import { importFields, type ImportField } from '@kohtaamo/shared/import/column-mapping';
import { duplicateChoices, type DuplicateChoice } from '@kohtaamo/shared/import/import-spreadsheet';
import {
  getImportSession,
  markImportStarted,
  requestImportCheck,
  saveMapping,
} from '@kohtaamo/shared/import/import-session';
import { createJob, jobEndedWithin, requeueJob } from '@kohtaamo/shared/jobs/job.store';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { missing, findJob, uploaded } from './page-data.server';
import type { Actions } from './$types';

/** How long the check action waits for a file's check before showing its progress instead. */
const CHECK_WAIT_MS = 1500;

export const pageActions = {
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
} satisfies Actions;
