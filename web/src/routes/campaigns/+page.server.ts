// The campaigns of the workspace, newest first.
import { listCampaigns } from '@kohtaamo/shared/campaign/campaign.store';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const workspace = await orHttpError(currentWorkspace(locals));
  const campaigns = await orHttpError(listCampaigns(serverContext().db, workspace.id));
  return { campaigns, done: url.searchParams.get('done') };
};
