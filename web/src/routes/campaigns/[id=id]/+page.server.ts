// One campaign: the mailing's recording, the call round's progress and outcomes, and the call list.
// "Next call" claims the next free association for the signed-in caller.
import { redirect } from '@sveltejs/kit';
import { campaignProgress } from '@kohtaamo/shared/campaign/campaign';
import { claimNextRow, claimRow, getCampaignWithRows } from '@kohtaamo/shared/campaign/campaign.store';

import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { getJob } from '@kohtaamo/shared/jobs/job.store';
import { listMembers } from '@kohtaamo/shared/user/user.store';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { idOr404 } from '#lib/server/route-ids.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const { campaign, rows } = await orHttpError(getCampaignWithRows(db, workspace.id, params.id));
  const [job, members] = await Promise.all([
    campaign.mailingJobId
      ? getJob(db, workspace.id, campaign.mailingJobId).catch(() => undefined)
      : undefined,
    orHttpError(listMembers(db, workspace.id)),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const now = db.now();
  const nowIso = now.toISOString();
  return {
    campaign,
    mailing: job ? { status: job.status, progress: job.progress } : undefined,
    progress: campaignProgress(rows, now),
    rows: rows.map((row) => ({
      associationId: row.associationId,
      name: row.associationName,
      municipalities: row.municipalities,
      status:
        row.status === 'done'
          ? ('done' as const)
          : row.claimedBy && row.claimedUntil && row.claimedUntil >= nowIso
            ? ('calling' as const)
            : ('open' as const),
      mine: row.claimedBy === locals.staffId && (row.claimedUntil ?? '') >= nowIso,
      lastOutcome: row.lastOutcome,
      attempts: row.attempts,
      caller: names.get(row.claimedBy ?? row.lastCalledBy ?? '') ?? '',
    })),
    done: url.searchParams.get('done'),
  };
};

export const actions: Actions = {
  next: async ({ params, locals }) => {
    const { db } = serverContext();
    const campaignId = params.id;
    const row = await orHttpError(
      claimNextRow(db, member(locals).workspaceId, { campaignId, staffId: locals.staffId }),
    );
    if (!row) redirect(303, `/campaigns/${campaignId}?done=empty`);
    redirect(303, `/campaigns/${campaignId}/call/${row.associationId}`);
  },

  claim: async ({ params, locals, request }) => {
    const { db } = serverContext();
    const campaignId = params.id;
    const associationId = idOr404(formValues((await request.formData()).entries()).associationId);
    const claimed = await orHttpError(
      claimRow(db, member(locals).workspaceId, { campaignId, associationId, staffId: locals.staffId }),
    );
    redirect(
      303,
      claimed ? `/campaigns/${campaignId}/call/${associationId}` : `/campaigns/${campaignId}?done=taken`,
    );
  },
};
