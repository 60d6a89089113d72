// Many tasks at once: each answers for itself, a resubmitted form changes nothing twice, a task
// someone else changed meanwhile is left alone, and every change has its own audit entry.
import { describe, expect, it } from 'vitest';
import { addAssociation, staffedWorkspace, testDb } from '../../../test/support/test-db';
import { listAudit } from '../audit/audit.store';
import { ValidationError } from '../errors';
import { newId } from '../ids';
import { applyToTasks, snoozedDue } from './bulk-tasks';
import { updateOpenFollowUp } from './follow-up-actions';
import { getFollowUp, putFollowUp } from './follow-up.store';
import type { FollowUp } from './follow-up.schema';

// Tuesday 24 November 2026, 10:00 in Helsinki.
const now = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => now });

async function tasks(count: number) {
  const workspace = await staffedWorkspace(db);
  const association = await addAssociation(db, workspace, { name: 'Monta tehtävää ry' });
  const made: FollowUp[] = [];
  for (let i = 0; i < count; i++) {
    made.push(
      await putFollowUp(
        db,
        workspace.id,
        {
          id: newId(),
          associationId: association.id,
          due: `2026-11-${String(10 + i).padStart(2, '0')}`,
          assigneeId: 'anna',
        },
        'anna',
      ),
    );
  }
  const refs = made.map((f) => `${f.associationId}:${f.id}:${f.version}`);
  const reread = () => Promise.all(made.map((f) => getFollowUp(db, workspace.id, f.associationId, f.id)));
  return { workspace, made, refs, reread };
}

const outcomes = (results: { outcome: string }[]) => results.map((r) => r.outcome);

describe('actions on many tasks', () => {
  it('moves each chosen task to a date, once, with an audit entry for each', async () => {
    const { workspace, refs, reread } = await tasks(3);
    const form = { tasks: refs, action: 'reschedule', due: '2026-12-01' };
    expect(outcomes(await applyToTasks(db, workspace.id, form, 'anna'))).toEqual(['done', 'done', 'done']);
    expect((await reread()).map((f) => f.due)).toEqual(['2026-12-01', '2026-12-01', '2026-12-01']);
    // The same form again (a reload, a double click): already so, nothing written twice.
    expect(outcomes(await applyToTasks(db, workspace.id, form, 'anna'))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect((await reread()).map((f) => f.version)).toEqual([2, 2, 2]);
    const audit = await listAudit(db, workspace.id, { month: '2026-11', action: 'followUp.update' });
    expect(audit.items).toHaveLength(3);
  });

  it('snoozes by a week once even when the form comes twice, and to tomorrow or next Monday', async () => {
    const { workspace, refs, reread } = await tasks(2);
    const form = { tasks: refs, action: 'snooze', snooze: 'week' };
    expect(outcomes(await applyToTasks(db, workspace.id, form, 'anna'))).toEqual(['done', 'done']);
    // Overdue tasks: a week from today.
    expect((await reread()).map((f) => f.due)).toEqual(['2026-12-01', '2026-12-01']);
    // The stale versions in the resent form stop a second week from being added.
    expect(outcomes(await applyToTasks(db, workspace.id, form, 'anna'))).toEqual(['conflict', 'conflict']);
    expect((await reread()).map((f) => f.due)).toEqual(['2026-12-01', '2026-12-01']);
    expect(snoozedDue('tomorrow', '2026-11-01', now)).toBe('2026-11-25');
    expect(snoozedDue('nextMonday', '2026-11-01', now)).toBe('2026-11-30');
    expect(snoozedDue('nextMonday', '2026-11-01', new Date('2026-11-30T08:00:00Z'))).toBe('2026-12-07');
    expect(snoozedDue('week', '2026-12-10', now)).toBe('2026-12-17');
    // A snooze never brings a later task forward: it stays as it is ("already so").
    expect(snoozedDue('tomorrow', '2026-12-20', now)).toBe('2026-12-20');
    expect(snoozedDue('nextMonday', '2026-12-20', now)).toBe('2026-12-20');
  });

  it('leaves a task someone else changed meanwhile, and does the rest', async () => {
    const { workspace, made, refs, reread } = await tasks(3);
    const [, changed] = made;
    await updateOpenFollowUp(
      db,
      workspace.id,
      { associationId: changed!.associationId, id: changed!.id, expectedVersion: 1, title: 'Ville hoitaa' },
      'ville',
    );
    const results = await applyToTasks(
      db,
      workspace.id,
      { tasks: refs, action: 'reassign', assigneeId: 'ville' },
      'anna',
    );
    expect(outcomes(results)).toEqual(['done', 'conflict', 'done']);
    expect((await reread()).map((f) => f.assigneeId)).toEqual(['ville', 'anna', 'ville']);
    // To the team ('' is the team), then marked done; done twice is still done once.
    const first = (await reread())[0]!;
    const toTeam = {
      tasks: [`${first.associationId}:${first.id}:${first.version}`],
      action: 'reassign',
      assigneeId: '',
    };
    expect(outcomes(await applyToTasks(db, workspace.id, toTeam, 'anna'))).toEqual(['done']);
    expect((await reread())[0]?.assigneeId).toBeUndefined();
    const fresh = (await reread()).map((f) => `${f.associationId}:${f.id}:${f.version}`);
    const complete = { tasks: fresh, action: 'complete' };
    expect(outcomes(await applyToTasks(db, workspace.id, complete, 'anna'))).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(outcomes(await applyToTasks(db, workspace.id, complete, 'anna'))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect((await reread()).map((f) => f.status)).toEqual(['done', 'done', 'done']);
    // A done task cannot be moved: it says why, in both languages.
    const [late] = await applyToTasks(
      db,
      workspace.id,
      { tasks: [fresh[0]], action: 'reschedule', due: '2026-12-24' },
      'anna',
    );
    expect(late).toMatchObject({
      outcome: 'failed',
      reason: { fi: expect.any(String), en: expect.any(String) },
    });
  });

  it('refuses a form without tasks, a date or with a past date, before changing anything', async () => {
    const { workspace, refs, reread } = await tasks(1);
    for (const form of [
      { action: 'reschedule', due: '2026-12-01' },
      { tasks: refs, action: 'reschedule' },
      { tasks: refs, action: 'reschedule', due: '2026-11-01' },
      { tasks: refs, action: 'snooze' },
      { tasks: refs, action: 'explode' },
      { tasks: ['not-a-task'], action: 'complete' },
    ]) {
      await expect(applyToTasks(db, workspace.id, form, 'anna')).rejects.toThrow(ValidationError);
    }
    expect((await reread())[0]).toMatchObject({ due: '2026-11-10', version: 1, status: 'open' });
  });
});
