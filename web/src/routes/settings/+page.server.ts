import { redirect } from '@sveltejs/kit';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { stagesFromForm, updatePipelineSettings } from '@kohtaamo/shared/workspace/pipeline-settings';
import { renameWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { partnerKindsOf } from '@kohtaamo/shared/association/organisation-kind';
import { partnerKindsFromForm, updatePartnerKinds } from '@kohtaamo/shared/workspace/partner-kind-settings';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const workspace = await orHttpError(currentWorkspace(locals));
  return {
    name: workspace.name,
    stages: workspace.stages,
    partnerKinds: partnerKindsOf(workspace),
    staleAfterDays: workspace.staleAfterDays,
    version: workspace.version,
    done: url.searchParams.get('done'),
  };
};

export const actions: Actions = {
  rename: async ({ request, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('workspaceName', values, () =>
      renameWorkspace(db, member(locals).workspaceId, { name: values.name, expectedVersion: values.version }),
    );
    if (result !== undefined) return result;
    redirect(303, '/settings?done=renamed');
  },
  save: async ({ request, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('settings', values, () =>
      updatePipelineSettings(db, member(locals).workspaceId, {
        expectedVersion: values.version,
        staleAfterDays: values.staleAfterDays,
        stages: stagesFromForm(values),
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, '/settings?done=saved');
  },
  savePartnerKinds: async ({ request, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('partnerKinds', values, () =>
      updatePartnerKinds(db, member(locals).workspaceId, {
        expectedVersion: values.version,
        partnerKinds: partnerKindsFromForm(values),
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, '/settings?done=partnerKinds#partner-kinds-heading');
  },
};
