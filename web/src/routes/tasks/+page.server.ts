import { redirect } from '@sveltejs/kit';
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { applyToTasks } from '@kohtaamo/shared/follow-up/bulk-tasks';
import { closeFollowUp, updateOpenFollowUp } from '@kohtaamo/shared/follow-up/follow-up-actions';
import { taskGroupRanges, taskGroups } from '@kohtaamo/shared/follow-up/follow-up';
import {
  countOpenFollowUpsDue,
  getFollowUp,
  listOpenFollowUpsDue,
  type OpenFollowUpOwner,
} from '@kohtaamo/shared/follow-up/follow-up.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { snoozedDue, snoozePicks } from '@kohtaamo/shared/follow-up/bulk-tasks';
import { assignableStaff, listMembers } from '@kohtaamo/shared/user/user.store';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

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

export const load: PageServerLoad = async ({ url, locals }) => {
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

/** Back to the list the action came from (view, member filter and group kept). */
function back(url: URL, done: string): never {
  const kept = new URLSearchParams();
  for (const name of ['view', 'member', 'group']) {
    const value = url.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  kept.set('done', done);
  redirect(303, `/tasks?${kept}`);
}

export const actions: Actions = {
  // One action on the tasks chosen with the list's boxes; each task answers for itself.
  bulk: async ({ request, locals }) => {
    const { db } = serverContext();
    const workspaceId = member(locals).workspaceId;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('bulk', values, () =>
      applyToTasks(db, workspaceId, values, locals.staffId),
    );
    if (!Array.isArray(result)) return result;
    const unresolved = result.filter((r) => r.outcome === 'conflict' || r.outcome === 'failed');
    const names = await orHttpError(
      getAssociationNames(
        db,
        workspaceId,
        unresolved.map((r) => r.associationId),
      ),
    );
    const count = (outcome: string) => result.filter((r) => r.outcome === outcome).length;
    return {
      form: 'bulk' as const,
      bulk: {
        done: count('done'),
        unchanged: count('unchanged'),
        conflict: count('conflict'),
        failed: count('failed'),
        unresolved: unresolved.map((r) => ({
          id: r.id,
          outcome: r.outcome,
          associationName: names.get(r.associationId) ?? '–',
          reason: r.reason,
        })),
      },
    };
  },

  complete: async ({ request, locals, url }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('task', values, () =>
      closeFollowUp(db, member(locals).workspaceId, values, locals.staffId),
    );
    if (result !== undefined) return result;
    back(url, 'completed');
  },

  snooze: async ({ request, locals, url }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('task', values, async () => {
      const current = await getFollowUp(
        db,
        member(locals).workspaceId,
        String(values.associationId),
        String(values.id),
      );
      // A week from the later of today and the current due date (the bulk snooze's own rule).
      const due = snoozedDue('week', current.due, db.now());
      return updateOpenFollowUp(db, member(locals).workspaceId, { ...values, due }, locals.staffId);
    });
    if (!('due' in result)) return result;
    back(url, 'snoozed');
  },

  reassign: async ({ request, locals, url }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    // The store checks that the new assignee is one of the staff ('' hands it to the team). A task
    // "moved" to whoever already has it changes nothing, and the page says so.
    const result = await runAction('task', values, async () => {
      const workspaceId = member(locals).workspaceId;
      const current = await getFollowUp(db, workspaceId, String(values.associationId), String(values.id));
      if ((values.assigneeId || undefined) === current.assigneeId) return { unchanged: true } as const;
      return updateOpenFollowUp(db, workspaceId, values, locals.staffId);
    });
    if ('unchanged' in result) {
      locals.unchanged = true;
      back(url, 'alreadyAssigned');
    }
    if (!('due' in result)) return result;
    back(url, 'reassigned');
  },
};
