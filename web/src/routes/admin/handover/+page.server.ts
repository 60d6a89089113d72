// The handover package page for admins: what the package holds, the recent packages, and the
// action that starts building a new one in the background.
import { redirect } from '@sveltejs/kit';
import { newId } from '@kohtaamo/shared/ids';
import { createJob, listRecentJobs } from '@kohtaamo/shared/jobs/job.store';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = serverContext();
  const jobs = await orHttpError(listRecentJobs(db, member(locals).workspaceId, 'handover', 5));
  return { jobs };
};

export const actions: Actions = {
  start: async ({ request, locals }) => {
    const { db, jobs } = serverContext();
    const me = member(locals);
    const form = await request.formData();
    const job = await orHttpError(
      createJob(db, me.workspaceId, {
        id: newId(),
        kind: 'handover',
        params: { includePersons: form.get('persons') === '1', exportedBy: me.name },
        by: me.userId,
      }),
    );
    await jobs.launch(me.workspaceId, job.id);
    redirect(303, `/admin/handover/${job.id}`);
  },
};
