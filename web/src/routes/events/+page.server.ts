// Events, upcoming first, then the past year's.
import { listEvents } from '@kohtaamo/shared/event/event.store';
import { addMonths, helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const today = helsinkiDate(db.now());
  const events = await orHttpError(listEvents(db, workspace.id, { from: addMonths(today, -24) }));
  const summary = (e: (typeof events)[number]) => ({
    id: e.id,
    name: e.name,
    date: e.date,
    kind: e.kind,
    municipality: e.municipality,
  });
  return {
    upcoming: events.filter((e) => e.date >= today).map(summary),
    past: events
      .filter((e) => e.date < today)
      .reverse()
      .map(summary),
  };
};
