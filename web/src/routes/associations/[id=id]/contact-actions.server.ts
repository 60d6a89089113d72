// The association page's contact and task actions: log a contact, complete a follow-up, add a task.
import { redirect } from '@sveltejs/kit';
import { closeFollowUp, createTask } from '@kohtaamo/shared/follow-up/follow-up-actions';
import { contactFormSchema, contactFormToInput, formValues } from '@kohtaamo/shared/interaction/contact-form';
import { logContact } from '@kohtaamo/shared/interaction/log-contact';
import { isId } from '@kohtaamo/shared/ids';
import { parseInput } from '@kohtaamo/shared/validation';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import type { Actions } from './$types';

/** Remembers the kind of the last contact logged, the form's default next time. */
export const LAST_KIND_COOKIE = 'kohtaamo-last-kind';

export const contactActions = {
  logContact: async ({ request, params, locals, cookies }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('contact', values, () =>
      logContact(db, member(locals).workspaceId, {
        staffId: locals.staffId,
        input: contactFormToInput(parseInput(contactFormSchema, values), associationId, db.now()),
      }),
    );
    if (!('interaction' in result)) return result;
    cookies.set(LAST_KIND_COOKIE, result.interaction.kind, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 31_536_000,
    });
    // A contact that completed a task offers the next task at once.
    const completed = typeof values.completesFollowUpId === 'string' ? values.completesFollowUpId : '';
    const next = isId(completed) ? `&next=task&after=${completed}` : '';
    redirect(303, `/associations/${associationId}?done=contact${next}#timeline-heading`);
  },

  completeFollowUp: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('followUp', values, () =>
      closeFollowUp(db, member(locals).workspaceId, { ...values, associationId }, locals.staffId),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${associationId}?done=followUp`);
  },

  addTask: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('task', values, () =>
      createTask(db, member(locals).workspaceId, { ...values, associationId }, locals.staffId),
    );
    if (!('id' in result)) return result;
    locals.createdId = result.id;
    redirect(303, `/associations/${associationId}?done=task#followups-heading`);
  },
} satisfies Actions;
