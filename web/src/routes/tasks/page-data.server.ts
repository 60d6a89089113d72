// My tasks and the team's: the groups, the owner filter and one page of a group.
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { taskGroupRanges, taskGroups } from '@kohtaamo/shared/follow-up/follow-up';
import {
  countOpenFollowUpsDue,
  listOpenFollowUpsDue,
  type OpenFollowUpOwner,
} from '@kohtaamo/shared/follow-up/follow-up.store';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { snoozePicks } from '@kohtaamo/shared/follow-up/bulk-tasks';
import { assignableStaff, listMembers } from '@kohtaamo/shared/user/user.store';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

/** Each group's first tasks on the overview; the rest are one "show all" away. */
const GROUP_PREVIEW = 25;
/** A page of one group shown on its own. */
const PAGE_SIZE = 100;

/** Whose tasks the page shows: mine; in the team view everyone's, one member's or the team's own. */
function ownerOf(url: URL, me: string, staffIds: readonly string[]): OpenFollowUpOwner {
  if (url.searchParams.get('view') !== 'team') return { userId: me };
  const member = url.searchParams.get('member') ?? '';
  if (member === 'team') return 'teamTasks';
  return staffIds.includes(member) ? { userId: member } : 'everyone';
}

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */
export const loadPage = async ({ url, locals }: Parameters<PageServerLoad>[0]) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const members = await orHttpError(listMembers(db, workspace.id));
  const staff = assignableStaff(members);
  const team = url.searchParams.get('view') === 'team';
  const owner = ownerOf(
    url,
    locals.staffId,
    members.map((m) => m.userId),
  );
  const only = taskGroups.find((group) => group === url.searchParams.get('group'));
  const cursor = only ? (url.searchParams.get('cursor') ?? undefined) : undefined;
  const ranges = taskGroupRanges(db.now());
  // One read for each group's first tasks and one for its total (bounded: OPEN_COUNT_CAP), so
  // today's tasks never wait behind another group's paging.
  const shown = only ? [only] : taskGroups;
  const groups = await orHttpError(
    Promise.all(
      shown.map(async (group) => {
        const [page, total] = await Promise.all([
          listOpenFollowUpsDue(db, workspace.id, owner, ranges[group], {
            cursor,
            limit: only ? PAGE_SIZE : GROUP_PREVIEW,
          }),
          countOpenFollowUpsDue(db, workspace.id, owner, ranges[group]),
        ]);
        return { group, page, total };
      }),
    ),
  );
  const names = await orHttpError(
    getAssociationNames(
      db,
      workspace.id,
      groups.flatMap(({ page }) => page.items.map((f) => f.associationId)),
    ),
  );
  const staffNames = new Map(members.map((m) => [m.userId, m.name]));
  return {
    team,
    member: team ? (typeof owner === 'object' ? owner.userId : owner === 'teamTasks' ? 'team' : '') : '',
    only,
    groups: groups.map(({ group, page, total }) => ({
      group,
      total,
      next: page.cursor,
      tasks: page.items.map((f) => ({
        ...f,
        associationName: names.get(f.associationId) ?? '–',
        // A team task has no assignee: the page names it the team's.
        assigneeName: f.assigneeId === undefined ? undefined : (staffNames.get(f.assigneeId) ?? f.assigneeId),
      })),
    })),
    staff,
    me: locals.staffId,
    today: helsinkiDate(db.now()),
    snoozePicks,
    done: url.searchParams.get('done'),
  };
};
