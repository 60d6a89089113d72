// One open task of an association: correct what it says, move its date, hand it to a colleague,
// or cancel it (kept as a record, out of every list and report). Every save checks the version.
import { localised } from '@kohtaamo/shared/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { cancelFollowUp, updateOpenFollowUp } from '@kohtaamo/shared/follow-up/follow-up-actions';
import { getFollowUp } from '@kohtaamo/shared/follow-up/follow-up.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { listAssignableStaff } from '@kohtaamo/shared/user/user.store';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const [association, followUp, staff] = await orHttpError(
    Promise.all([
      getAssociation(db, workspace.id, params.id),
      getFollowUp(db, workspace.id, params.id, params.followUpId),
      listAssignableStaff(db, workspace.id),
    ]),
  );
  if (followUp.status !== 'open') {
    error(404, {
      message: 'This task is no longer open.',
      ...localised('followUp.noLongerOpen'),
    });
  }
  return { association: { id: association.id, name: association.name }, followUp, staff };
};

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('task', values, () =>
      updateOpenFollowUp(
        db,
        member(locals).workspaceId,
        { ...values, associationId: params.id, id: params.followUpId },
        locals.staffId,
      ),
    );
    if (!('id' in result)) return result;
    redirect(303, `/associations/${params.id}?done=taskSaved#followups-heading`);
  },
  cancel: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('cancel', values, () =>
      cancelFollowUp(
        db,
        member(locals).workspaceId,
        { ...values, associationId: params.id, id: params.followUpId },
        locals.staffId,
      ),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${params.id}?done=taskCancelled#followups-heading`);
  },
};
