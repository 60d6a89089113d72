// Editing an event's details, on the version the editor saw.
import { redirect } from '@sveltejs/kit';
import { getEvent, updateEvent } from '@kohtaamo/shared/event/event.store';

import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => ({
  event: await orHttpError(getEvent(serverContext().db, member(locals).workspaceId, params.id)),
});

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const id = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('event', values, () =>
      updateEvent(db, member(locals).workspaceId, {
        id,
        expectedVersion: Number(values.version),
        input: values,
      }),
    );
    if (result !== undefined) return result;
    redirect(303, `/events/${id}`);
  },
};
