// A new campaign: choose the associations with the directory's filters (and "not on tarjotin
// yet"), see who they are, then name the mailing. Creating it writes the call list and starts the
// job that records the mailing on every timeline.
import { redirect } from '@sveltejs/kit';
import { createCampaign, previewCampaign, setMailingJob } from '@kohtaamo/shared/campaign/campaign.store';
import { newId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { createJob } from '@kohtaamo/shared/jobs/job.store';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { directoryFilterNames, directoryFilterOptions } from '#lib/directory-filter-options.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const FILTERS = [...directoryFilterNames, 'notOnTarjotin'] as const;
const PREVIEW = 30;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const filter = Object.fromEntries(FILTERS.map((name) => [name, url.searchParams.get(name) ?? '']));
  const previewing = url.searchParams.has('preview');
  const chosen = previewing ? await orHttpError(previewCampaign(db, workspace, filter)) : [];
  return {
    filter,
    previewing,
    count: chosen.length,
    preview: chosen
      .slice(0, PREVIEW)
      .map((a) => ({ id: a.id, name: a.name, municipalities: a.municipalities })),
    today: helsinkiDate(db.now()),
    campaignId: newId(),
    options: directoryFilterOptions(workspace, locals.locale),
  };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const { db, jobs } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const filter = Object.fromEntries(FILTERS.map((name) => [name, values[name] ?? '']));
    const result = await runAction('campaign', values, async () => {
      const { campaign } = await createCampaign(db, workspace, {
        id: String(values.id ?? ''),
        by: locals.staffId,
        input: {
          name: values.name,
          mailingSubject: values.mailingSubject,
          mailingDate: values.mailingDate,
          notes: values.notes,
          filter,
        },
      });
      if (!campaign.mailingJobId) {
        const job = await createJob(db, workspace.id, {
          id: newId(),
          kind: 'mailing',
          params: { campaignId: campaign.id },
          by: locals.staffId,
        });
        await setMailingJob(db, workspace.id, campaign.id, job.id);
        await jobs.launch(workspace.id, job.id);
      }
      return campaign;
    });
    if (!('id' in result)) return result;
    redirect(303, `/campaigns/${result.id}?done=created`);
  },
};
