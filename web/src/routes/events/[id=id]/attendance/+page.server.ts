// Attendance on the day: a checkbox per registration, saved at once; the event then shows on the
// timelines of the associations that came.
import { redirect } from '@sveltejs/kit';
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { markAttendance } from '@kohtaamo/shared/event/event-attendance';
import { getEventWithDetails } from '@kohtaamo/shared/event/event.store';

import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const workspaceId = member(locals).workspaceId;
  const { event, registrations } = await orHttpError(getEventWithDetails(db, workspaceId, params.id));
  const names = await orHttpError(
    getAssociationNames(
      db,
      workspaceId,
      registrations.flatMap((r) => (r.associationId ? [r.associationId] : [])),
    ),
  );
  return {
    event: { id: event.id, name: event.name, date: event.date },
    registrations: registrations.map((r) => ({
      id: r.id,
      name: r.name,
      version: r.version,
      attended: r.attended,
      associationName: r.associationId ? (names.get(r.associationId) ?? '') : '',
    })),
  };
};

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const eventId = params.id;
    const form = await request.formData();
    const attended = new Set(form.getAll('attended').map(String));
    const versions = new Map(
      form
        .getAll('registration')
        .map(String)
        .map((entry) => entry.split(':') as [string, string])
        .map(([id, version]) => [id, Number(version)] as const),
    );
    const result = await runAction('attendance', {}, () =>
      markAttendance(db, member(locals).workspaceId, { eventId, attended, versions, by: locals.staffId }),
    );
    if (!('changed' in result)) return result;
    redirect(303, `/events/${eventId}?done=attendance`);
  },
};
