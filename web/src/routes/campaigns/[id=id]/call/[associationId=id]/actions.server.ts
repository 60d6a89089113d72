// A call's actions: log its outcome, or skip the association for now.
import { redirect } from '@sveltejs/kit';
import { logCampaignCall } from '@kohtaamo/shared/campaign/campaign-calls';
import { claimNextRow, releaseRow } from '@kohtaamo/shared/campaign/campaign.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions } from './$types';

export const pageActions = {
  log: async ({ params, locals, request }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const campaignId = params.id;
    const associationId = params.associationId;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('call', values, () =>
      logCampaignCall(db, workspace, { campaignId, associationId, staffId: locals.staffId, input: values }),
    );
    if (!('done' in result)) return result;
    const next = await orHttpError(claimNextRow(db, workspace.id, { campaignId, staffId: locals.staffId }));
    redirect(
      303,
      next
        ? `/campaigns/${campaignId}/call/${next.associationId}?logged=1`
        : `/campaigns/${campaignId}?done=logged`,
    );
  },

  skip: async ({ params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const campaignId = params.id;
    await orHttpError(
      releaseRow(db, workspace.id, {
        campaignId,
        associationId: params.associationId,
        staffId: locals.staffId,
      }),
    );
    redirect(303, `/campaigns/${campaignId}`);
  },
} satisfies Actions;
