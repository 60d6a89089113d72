import { listMyOpenFollowUps } from '@kohtaamo/shared/follow-up/follow-up.store';
import { taskGroupOf } from '@kohtaamo/shared/follow-up/follow-up';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const COUNTED = 200;

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  // My open follow-ups come earliest-due first, so overdue and today's are on the first page.
  const page = await orHttpError(listMyOpenFollowUps(db, workspace.id, locals.staffId, { limit: COUNTED }));
  const now = db.now();
  const groups = page.items.map((f) => taskGroupOf(f.due, now));
  return {
    overdue: groups.filter((g) => g === 'overdue').length,
    today: groups.filter((g) => g === 'today').length,
    capped: page.cursor !== undefined && groups.every((g) => g === 'overdue' || g === 'today'),
  };
};
