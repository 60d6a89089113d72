// One handover package: how far its building is, and the download when it is ready.
import { localised } from '@kohtaamo/shared/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { getJob, requeueJob } from '@kohtaamo/shared/jobs/job.store';
import { isStuck } from '@kohtaamo/shared/jobs/job-state';
import type { Job } from '@kohtaamo/shared/jobs/job.schema';
import { EXPORT_EXPIRY_DAYS } from '@kohtaamo/shared/storage/retention';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const notFound = () =>
  error(404, { message: 'Package not found.', ...localised('handover.packageNotFound') });

async function handoverJob(locals: App.Locals, jobId: string): Promise<Job<'handover'>> {
  const job = await orHttpError(getJob(serverContext().db, member(locals).workspaceId, jobId));
  if (job.kind !== 'handover') notFound();
  return job as Job<'handover'>;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const { db } = serverContext();
  const job = await handoverJob(locals, params.jobId);
  const now = db.now();
  const expired = now.getTime() - new Date(job.createdAt).getTime() > EXPORT_EXPIRY_DAYS * 86_400_000;
  const result = job.result as { fileName?: string; bytes?: number } | undefined;
  return {
    job: {
      id: job.id,
      status: job.status,
      progress: job.progress,
      createdAt: job.createdAt,
      includePersons: job.params.includePersons,
      exportedBy: job.params.exportedBy,
      fileName: result?.fileName,
      bytes: result?.bytes,
      error: job.error,
    },
    stuck: isStuck(job, now),
    expired,
  };
};

export const actions: Actions = {
  retry: async ({ locals, params }) => {
    const { db, jobs } = serverContext();
    const job = await handoverJob(locals, params.jobId);
    if (job.status === 'failed') await orHttpError(requeueJob(db, job.workspaceId, job.id));
    if (job.status !== 'done') await jobs.launch(job.workspaceId, job.id);
    redirect(303, `/admin/handover/${job.id}`);
  },
};
