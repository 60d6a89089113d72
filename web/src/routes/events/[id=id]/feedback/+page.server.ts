// Feedback collected on paper, entered by staff with the same questions as the public form.
import { redirect } from '@sveltejs/kit';
import { recordFeedback } from '@kohtaamo/shared/event/event-feedback.store';
import { getEvent } from '@kohtaamo/shared/event/event.store';
import { newId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => ({
  event: await orHttpError(getEvent(serverContext().db, member(locals).workspaceId, params.id)),
  feedbackId: newId(),
});

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const workspaceId = member(locals).workspaceId;
    const event = await orHttpError(getEvent(db, workspaceId, params.id));
    const values = formValues((await request.formData()).entries());
    const result = await runAction('feedback', values, () =>
      recordFeedback(db, workspaceId, event, { id: String(values.id ?? ''), values, source: 'staff' }),
    );
    if (!('id' in result)) return result;
    redirect(303, `/events/${event.id}?done=feedback#feedback-heading`);
  },
};
