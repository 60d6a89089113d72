// A new association by hand: the profile form, a duplicate warning before saving (the user opens
// the existing one or saves anyway), then the new association's page, its contact form open when
// the visit is to be logged at once. The form carries its id, so a resubmit creates one association.
import { fail, redirect } from '@sveltejs/kit';
import { associationFormInput } from '@kohtaamo/shared/association/association-form';
import { findLikelyDuplicates } from '@kohtaamo/shared/association/association-duplicates';
import { associationInputSchema } from '@kohtaamo/shared/association/association.schema';
import { createAssociation, findAssociation } from '@kohtaamo/shared/association/association.store';
import { newId } from '@kohtaamo/shared/ids';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { parentFromForm } from '@kohtaamo/shared/association/parent-association';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { initialStage } from '@kohtaamo/shared/pipeline/pipeline';
import {
  ASSOCIATION_KIND,
  isKnownKind,
  isPartner,
  partnerKindsOf,
} from '@kohtaamo/shared/association/organisation-kind';
import { listAssignableStaff } from '@kohtaamo/shared/user/user.store';
import { parseInput } from '@kohtaamo/shared/validation';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { echoValues } from '#lib/server/echo-values.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const kinds = partnerKindsOf(workspace);
  const asked = url.searchParams.get('kind');
  return {
    id: newId(),
    name: (url.searchParams.get('name') ?? '').slice(0, 200),
    staff: await orHttpError(listAssignableStaff(db, workspace.id)),
    stages: workspace.stages.map((s) => ({ code: s.code, name: s.label[locals.locale] })),
    firstStage: initialStage(workspace.stages),
    partnerKinds: kinds.map((k) => ({ code: k.code, name: k.label[locals.locale] })),
    /** The kind chosen beforehand (`?kind=`, e.g. from a link that adds a partner). */
    kind: asked && isKnownKind(kinds, asked) ? asked : ASSOCIATION_KIND,
  };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const id = String(values.id ?? '');
    // The kind is chosen here only (a profile edit keeps it): a partner's frame and stage are ignored.
    const result = await runAction('association', values, async () => {
      // Sent twice (a double click, a retry after a lost answer): the first one stands.
      const existing = await findAssociation(db, workspace.id, id);
      if (existing) return { kind: 'created' as const, association: existing };
      const parent = await parentFromForm(db, workspace.id, id, values);
      if (parent.kind === 'choose') return { kind: 'chooseParent' as const, candidates: parent.candidates };
      const input = { ...associationFormInput(values), parentId: parent.parentId, kind: values.kind };
      const candidate = parseInput(associationInputSchema, input);
      if (values.createAnyway !== 'yes') {
        const duplicates = await findLikelyDuplicates(db, workspace.id, candidate, id);
        if (duplicates.length > 0) return { kind: 'duplicates' as const, duplicates };
      }
      const stage = typeof values.stage === 'string' ? values.stage : undefined;
      const association = await createAssociation(db, workspace, { id, input, by: locals.staffId, stage });
      return { kind: 'created' as const, association };
    });
    if (!('kind' in result)) return result;
    if (result.kind === 'chooseParent') {
      return fail(400, {
        form: 'association',
        fields: [{ field: 'parentName', message: localised('msg:parent.choose') }],
        parentCandidates: result.candidates,
        values: echoValues(values),
      });
    }
    if (result.kind === 'duplicates') {
      return fail(409, { form: 'association', duplicates: result.duplicates, values: echoValues(values) });
    }
    locals.createdId = result.association.id;
    const logNext = values.logNext === 'yes' ? '&log=1#log' : '';
    const done = isPartner(result.association) ? 'partnerCreated' : 'created';
    redirect(303, `/associations/${result.association.id}?done=${done}${logNext}`);
  },
};
