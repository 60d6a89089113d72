// The association page's people actions: add a person with a role, change or end a role.
import { fail, redirect } from '@sveltejs/kit';
import { addPersonToAssociation } from '@kohtaamo/shared/person/add-person';
import { changeMembershipRole, endMembership } from '@kohtaamo/shared/person/membership-edits';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { echoValues } from '#lib/server/echo-values.ts';
import { member, serverContext } from '#lib/server/context.ts';
import type { Actions } from './$types';

export const peopleActions = {
  addPerson: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    // After a same-name question: one of those people, or someone new.
    const choice = typeof values.choice === 'string' ? values.choice : '';
    const result = await runAction('person', values, () =>
      addPersonToAssociation(db, member(locals).workspaceId, {
        ...values,
        associationId: params.id,
        personId: choice.startsWith('person:') ? choice.slice('person:'.length) : undefined,
        createNew: choice === 'new' ? 'yes' : undefined,
      }),
    );
    if (!('kind' in result)) return result;
    if (result.kind === 'sameName') {
      return fail(409, { form: 'person', sameName: result.people, values: echoValues(values) });
    }
    locals.createdId = result.membership.personId;
    redirect(303, `/associations/${params.id}?done=person#people-heading`);
  },

  endRole: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('role', values, () =>
      endMembership(db, member(locals).workspaceId, { ...values, associationId: params.id }),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${params.id}?done=roleEnded#people-heading`);
  },

  changeRole: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('role', values, () =>
      changeMembershipRole(db, member(locals).workspaceId, { ...values, associationId: params.id }),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${params.id}?done=roleChanged#people-heading`);
  },
} satisfies Actions;
