// The start of a spreadsheet import: an upload form that sends the file straight to the blob
// store (the export bucket in AWS, past the web function's 6 MB limit), and the recent imports.
import { newId } from '@kohtaamo/shared/ids';
import { uploadKey } from '@kohtaamo/shared/import/import-session';
import { MAX_IMPORT_BYTES } from '@kohtaamo/shared/import/read-table';
import { listRecentJobs } from '@kohtaamo/shared/jobs/job.store';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { db, blobs } = serverContext();
  const me = member(locals);
  const id = newId();
  // S3 sends the browser back to an absolute address; the local store accepts a path.
  const redirectTo = `${url.origin}/admin/import/${id}`;
  const upload = await blobs.uploadForm(uploadKey(me.workspaceId, id), {
    maxBytes: MAX_IMPORT_BYTES,
    redirectTo,
  });
  const jobs = await orHttpError(listRecentJobs(db, me.workspaceId, 'import', 5));
  return {
    upload,
    maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    imports: jobs.map((job) => ({
      id: (job.params as { importId: string }).importId,
      createdAt: job.createdAt,
      status: job.status,
      result: job.result as { imported?: number; merged?: number } | undefined,
    })),
  };
};
