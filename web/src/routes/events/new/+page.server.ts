// A new event; its feedback link is made with it.
import { redirect } from '@sveltejs/kit';
import { createEvent } from '@kohtaamo/shared/event/event.store';
import { newId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { helsinkiDate, addDays } from '@kohtaamo/shared/time/helsinki';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  id: newId(),
  date: addDays(helsinkiDate(serverContext().db.now()), 14),
});

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('event', values, () =>
      createEvent(db, member(locals).workspaceId, {
        id: String(values.id ?? ''),
        input: values,
        by: locals.staffId,
      }),
    );
    if (!('id' in result)) return result;
    redirect(303, `/events/${result.id}`);
  },
};
