import { redirect } from '@sveltejs/kit';
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import {
  correctInteraction,
  deleteInteraction,
  getInteraction,
} from '@kohtaamo/shared/interaction/correct-interaction';
import { listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { runAction } from '#lib/server/actions.ts';
import { onePerPerson } from '@kohtaamo/shared/person/contact-order';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { id: string; interactionId: string }) => ({
  associationId: params.id,
  id: params.interactionId,
});

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const { associationId, id } = idsOf(params);
  const [association, interaction, members] = await orHttpError(
    Promise.all([
      getAssociation(db, workspace.id, associationId),
      getInteraction(db, workspace.id, associationId, id),
      listMembersOfAssociation(db, workspace.id, associationId, { limit: 200 }),
    ]),
  );
  return {
    association: { id: association.id, name: association.name },
    interaction,
    members: onePerPerson(members.items),
  };
};

export const actions: Actions = {
  correct: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const target = idsOf(params);
    const values = formValues((await request.formData()).entries());
    const input = {
      ...values,
      ...target,
      personIds: [values.personIds ?? []].flat(),
      topics: String(values.topics ?? '')
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
    };
    const result = await runAction('correct', values, () =>
      correctInteraction(db, member(locals).workspaceId, input, locals.staffId),
    );
    if (!('version' in result)) return result;
    redirect(303, `/associations/${target.associationId}?done=corrected#timeline-heading`);
  },
  delete: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const target = idsOf(params);
    const values = formValues((await request.formData()).entries());
    const result = await runAction('delete', values, () =>
      deleteInteraction(db, member(locals).workspaceId, { ...values, ...target }, locals.staffId),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${target.associationId}?done=deleted#timeline-heading`);
  },
};
