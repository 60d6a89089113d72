import { countOpenFollowUpsDue } from '@kohtaamo/shared/follow-up/follow-up.store';
import { taskGroupRanges } from '@kohtaamo/shared/follow-up/follow-up';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  // My overdue and today's open follow-ups, each counted over its own due-date range (bounded).
  const ranges = taskGroupRanges(db.now());
  const owner = { userId: locals.staffId };
  const [overdue, today] = await orHttpError(
    Promise.all([
      countOpenFollowUpsDue(db, workspace.id, owner, ranges.overdue),
      countOpenFollowUpsDue(db, workspace.id, owner, ranges.today),
    ]),
  );
  return { overdue, today };
};
