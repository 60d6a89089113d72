import { redirect } from '@sveltejs/kit';
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { closeFollowUp, updateOpenFollowUp } from '@kohtaamo/shared/follow-up/follow-up-actions';
import { groupTasks, taskGroups } from '@kohtaamo/shared/follow-up/follow-up';
import {
  getFollowUp,
  listMyOpenFollowUps,
  listTeamOpenFollowUps,
} from '@kohtaamo/shared/follow-up/follow-up.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { addDays, helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { assignableStaff, listMembers } from '@kohtaamo/shared/user/user.store';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const team = url.searchParams.get('view') === 'team';
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await orHttpError(
    team
      ? listTeamOpenFollowUps(db, workspace.id, { cursor, limit: PAGE_SIZE })
      : listMyOpenFollowUps(db, workspace.id, locals.staffId, { cursor, limit: PAGE_SIZE }),
  );
  const names = await orHttpError(
    getAssociationNames(
      db,
      workspace.id,
      page.items.map((f) => f.associationId),
    ),
  );
  const members = await orHttpError(listMembers(db, workspace.id));
  const staffNames = new Map(members.map((m) => [m.userId, m.name]));
  const tasks = page.items.map((f) => ({
    ...f,
    associationName: names.get(f.associationId) ?? '–',
    // A team task has no assignee: the page names it the team's.
    assigneeName: f.assigneeId === undefined ? undefined : (staffNames.get(f.assigneeId) ?? f.assigneeId),
  }));
  const groups = groupTasks(tasks, db.now());
  return {
    team,
    groups: taskGroups.map((group) => ({ group, tasks: groups[group] })),
    staff: assignableStaff(members),
    me: locals.staffId,
    next: page.cursor,
    done: url.searchParams.get('done'),
  };
};

function back(url: URL, done: string): never {
  const view = url.searchParams.get('view') === 'team' ? 'view=team&' : '';
  redirect(303, `/tasks?${view}done=${done}`);
}

export const actions: Actions = {
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
      // A week from the later of today and the current due date.
      const today = helsinkiDate(db.now());
      const due = addDays(current.due > today ? current.due : today, 7);
      return updateOpenFollowUp(db, member(locals).workspaceId, { ...values, due }, locals.staffId);
    });
    if (!('due' in result)) return result;
    back(url, 'snoozed');
  },

  reassign: async ({ request, locals, url }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    // The store checks that the new assignee is one of the staff ('' hands it to the team).
    const result = await runAction('task', values, () =>
      updateOpenFollowUp(db, member(locals).workspaceId, values, locals.staffId),
    );
    if (!('due' in result)) return result;
    back(url, 'reassigned');
  },
};
