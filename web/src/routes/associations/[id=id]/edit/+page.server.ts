import { fail, redirect } from '@sveltejs/kit';
import { associationFormInput } from '@kohtaamo/shared/association/association-form';
import {
  getAssociation,
  getAssociationNames,
  updateAssociationProfile,
} from '@kohtaamo/shared/association/association.store';
import { parentFromForm } from '@kohtaamo/shared/association/parent-association';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { echoValues } from '#lib/server/echo-values.ts';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { listAssignableStaff } from '@kohtaamo/shared/user/user.store';
import { changeOrganisationKind } from '@kohtaamo/shared/association/change-kind';
import { organisationKindOf, partnerKindsOf } from '@kohtaamo/shared/association/organisation-kind';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const [association, staff] = await orHttpError(
    Promise.all([getAssociation(db, workspace.id, params.id), listAssignableStaff(db, workspace.id)]),
  );
  const kinds = partnerKindsOf(workspace);
  const parentId = association.parentId;
  const parentName = parentId
    ? (await orHttpError(getAssociationNames(db, workspace.id, [parentId]))).get(parentId)
    : undefined;
  return {
    association,
    parent: parentId && parentName ? { id: parentId, name: parentName } : undefined,
    staff,
    kind: organisationKindOf(association),
    partnerKinds: kinds.map((k) => ({ code: k.code, name: k.label[locals.locale] })),
  };
};

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const id = params.id;
    const values = formValues((await request.formData()).entries());
    const workspaceId = member(locals).workspaceId;
    const result = await runAction('profile', values, async () => {
      const parent = await parentFromForm(db, workspaceId, id, values);
      if (parent.kind === 'choose') return parent;
      return updateAssociationProfile(db, workspaceId, {
        id,
        expectedVersion: Number(values.version),
        input: { ...associationFormInput(values), parentId: parent.parentId },
        by: locals.staffId,
      });
    });
    if ('candidates' in result) {
      return fail(400, {
        form: 'profile',
        fields: [{ field: 'parentName', message: localised('msg:parent.choose') }],
        parentCandidates: result.candidates,
        values: echoValues(values),
      });
    }
    if (!('version' in result)) {
      if (result.status !== 409) return result;
      // Someone saved first: show their version next to the user's unsaved changes.
      const theirs = await getAssociation(db, member(locals).workspaceId, id);
      return fail(409, { ...result.data, theirs });
    }
    redirect(303, `/associations/${id}?done=profile`);
  },
  changeKind: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const result = await runAction('kind', values, () =>
      changeOrganisationKind(db, workspace, {
        id: params.id,
        input: { expectedVersion: values.version, kind: values.kind, frame: values.frame },
        by: locals.staffId,
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, `/associations/${params.id}?done=kindChanged`);
  },
};
