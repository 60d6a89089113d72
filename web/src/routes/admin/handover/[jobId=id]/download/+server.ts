// The finished package: a short-lived link to the export bucket in AWS, or the stored file
// streamed from the local folder. Each download is recorded in the audit log.
import { localised } from '@kohtaamo/shared/i18n/messages';
import { Readable } from 'node:stream';
import { error, redirect } from '@sveltejs/kit';
import { recordAudit } from '@kohtaamo/shared/audit/audit.store';
import { getJob } from '@kohtaamo/shared/jobs/job.store';
import { attachment } from '@kohtaamo/shared/storage/blob-store';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { RequestHandler } from './$types';

const gone = () =>
  error(404, {
    message: 'The package is not available.',
    ...localised('handover.packageNotAvailable'),
  });

export const GET: RequestHandler = async ({ locals, params }) => {
  const { db, blobs } = serverContext();
  const me = member(locals);
  const job = await orHttpError(getJob(db, me.workspaceId, params.jobId));
  const result = job.result as { key?: string; fileName?: string } | undefined;
  if (job.kind !== 'handover' || job.status !== 'done' || !result?.key || !result.fileName) gone();
  const { key, fileName } = result as { key: string; fileName: string };
  const audit = () =>
    recordAudit(db, me.workspaceId, {
      actorId: me.userId,
      action: 'export.download',
      entityType: 'job',
      entityId: job.id,
    });
  const link = await blobs.downloadLink(key, fileName);
  if (link) {
    await audit();
    redirect(303, link);
  }
  const stream = await blobs.getStream(key);
  if (!stream) gone();
  await audit();
  return new Response(Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': attachment(fileName),
      'cache-control': 'no-store',
    },
  });
};
