// The actions of My tasks: on the chosen tasks at once, or on one: complete, snooze, reassign.
import { redirect } from '@sveltejs/kit';
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { applyToTasks } from '@kohtaamo/shared/follow-up/bulk-tasks';
import { closeFollowUp, updateOpenFollowUp } from '@kohtaamo/shared/follow-up/follow-up-actions';
import { getFollowUp } from '@kohtaamo/shared/follow-up/follow-up.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { snoozedDue } from '@kohtaamo/shared/follow-up/bulk-tasks';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions } from './$types';

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

export const pageActions = {
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
} satisfies Actions;
