// An event's actions: register a participant, remove a registration, open or close feedback.
import { redirect } from '@sveltejs/kit';
import { addRegistration, removeRegistration, setFeedbackOpen } from '@kohtaamo/shared/event/event.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import type { Actions } from './$types';

export const pageActions = {
  register: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const eventId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('register', values, () =>
      addRegistration(db, member(locals).workspaceId, {
        eventId,
        id: String(values.id ?? ''),
        input: values,
        by: locals.staffId,
      }),
    );
    if (!('id' in result)) return result;
    redirect(303, `/events/${eventId}?done=registered#registrations-heading`);
  },

  unregister: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const eventId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('unregister', values, () =>
      removeRegistration(db, member(locals).workspaceId, {
        eventId,
        id: String(values.id ?? ''),
        expectedVersion: Number(values.version),
      }),
    );
    if (result !== undefined) return result;
    redirect(303, `/events/${eventId}?done=removed#registrations-heading`);
  },

  feedbackLink: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const eventId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('feedbackLink', values, () =>
      setFeedbackOpen(db, member(locals).workspaceId, {
        id: eventId,
        expectedVersion: Number(values.version),
        open: values.open === '1',
      }),
    );
    if (result !== undefined) return result;
    redirect(303, `/events/${eventId}#feedback-heading`);
  },
} satisfies Actions;
