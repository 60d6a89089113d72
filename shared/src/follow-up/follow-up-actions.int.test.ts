import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, staffedWorkspace, testDb } from '../../../test/support/test-db';
import { getAssociation, getAssociationNames } from '../association/association.store';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { cancelFollowUp, closeFollowUp, createTask, updateOpenFollowUp } from './follow-up-actions';
import { getFollowUp, listMyOpenFollowUps, listTeamOpenFollowUps } from './follow-up.store';

const now = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => now });

async function withFollowUp(due: string) {
  const workspace = await staffedWorkspace(db);
  const association = await addAssociation(db, workspace, { name: 'Tehtävä ry' });
  const { followUp } = await logContact(db, workspace.id, {
    staffId: 'anna',
    input: {
      interaction: {
        id: newId(),
        associationId: association.id,
        kind: 'call',
        occurredAt: now.toISOString(),
      },
      nextFollowUp: { due },
    },
  });
  if (!followUp) throw new Error('no follow-up');
  return { workspace, association, followUp };
}

describe('follow-up actions', () => {
  it('snoozing moves the due date in every list and in the summary', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-25');
    await updateOpenFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id: followUp.id, expectedVersion: 1, due: '2026-12-02' },
      'anna',
    );
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items.map((f) => f.due)).toEqual([
      '2026-12-02',
    ]);
    expect((await getAssociation(db, workspace.id, association.id)).nextFollowUpDue).toBe('2026-12-02');
  });

  it('reassigning moves the follow-up from my list to a colleague’s', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-30');
    await updateOpenFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id: followUp.id, expectedVersion: 1, assigneeId: 'ville' },
      'anna',
    );
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items).toEqual([]);
    expect((await listMyOpenFollowUps(db, workspace.id, 'ville')).items.map((f) => f.id)).toEqual([
      followUp.id,
    ]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items).toHaveLength(1);
  });

  it('a change made on an old version is a conflict and changes nothing', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-30');
    const target = { associationId: association.id, id: followUp.id, expectedVersion: 1 };
    await updateOpenFollowUp(db, workspace.id, { ...target, due: '2026-12-10' }, 'anna');
    await expect(
      updateOpenFollowUp(db, workspace.id, { ...target, assigneeId: 'ville' }, 'ville'),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(closeFollowUp(db, workspace.id, target, 'ville')).rejects.toBeInstanceOf(ConflictError);
    expect(await getFollowUp(db, workspace.id, association.id, followUp.id)).toMatchObject({
      due: '2026-12-10',
      assigneeId: 'anna',
      status: 'open',
    });
  });

  it('refuses to snooze into the past', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-30');
    await expect(
      updateOpenFollowUp(
        db,
        workspace.id,
        { associationId: association.id, id: followUp.id, expectedVersion: 1, due: '2026-11-01' },
        'anna',
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('completing without a contact closes it and clears the summary’s next follow-up', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-30');
    await closeFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id: followUp.id, expectedVersion: 1 },
      'anna',
    );
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items).toEqual([]);
    const summary = await getAssociation(db, workspace.id, association.id);
    expect(summary.nextFollowUpDue).toBeUndefined();
    expect(summary.openFollowUpCount).toBe(0);
  });

  it('reads the names of many associations in one batch', async () => {
    const workspace = await freshWorkspace(db);
    const a = await addAssociation(db, workspace, { name: 'Äänekkäät ry' });
    const b = await addAssociation(db, workspace, { name: 'Hiljaiset ry' });
    const names = await getAssociationNames(db, workspace.id, [a.id, b.id, a.id]);
    expect(Object.fromEntries(names)).toEqual({ [a.id]: 'Äänekkäät ry', [b.id]: 'Hiljaiset ry' });
  });

  it('an overdue follow-up can still be reassigned with its due date as it was, but not moved past five years', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-25');
    // Three weeks later the follow-up is overdue; the form sends its due date back unchanged.
    const later = testDb({ now: () => new Date('2026-12-15T08:00:00.000Z') });
    const target = { associationId: association.id, id: followUp.id, expectedVersion: 1 };
    const moved = await updateOpenFollowUp(
      later,
      workspace.id,
      { ...target, due: '2026-11-25', assigneeId: 'ville' },
      'anna',
    );
    expect(moved).toMatchObject({ due: '2026-11-25', assigneeId: 'ville' });
    const refusals = await Promise.all(
      ['2026-12-01', '9999-12-31'].map((due) =>
        updateOpenFollowUp(later, workspace.id, { ...target, expectedVersion: 2, due }, 'anna').catch(
          (error: unknown) => error as ValidationError,
        ),
      ),
    );
    expect(refusals.map((error) => (error as ValidationError).fields[0]?.field)).toEqual(['due', 'due']);
    expect((refusals[1] as ValidationError).fields[0]?.message.en).toContain('five years');
    expect((await getFollowUp(db, workspace.id, association.id, followUp.id)).due).toBe('2026-11-25');
  });
});

describe('tasks by hand', () => {
  it('a task without a contact: in My tasks, the team view and the summary; a resubmit makes one', async () => {
    const workspace = await staffedWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Ohjeet ry' });
    const input = {
      id: newId(),
      associationId: association.id,
      title: 'Lähetä tarjottimen ohjeet',
      due: '2026-11-27',
      assigneeId: 'ville',
    };
    const task = await createTask(db, workspace.id, input, 'anna');
    expect(task).toMatchObject({ status: 'open', title: 'Lähetä tarjottimen ohjeet', createdBy: 'anna' });
    expect(task.interactionId).toBeUndefined();
    await createTask(db, workspace.id, input, 'anna');
    expect((await listMyOpenFollowUps(db, workspace.id, 'ville')).items.map((f) => f.id)).toEqual([task.id]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items.map((f) => f.id)).toEqual([task.id]);
    expect((await getAssociation(db, workspace.id, association.id)).nextFollowUpDue).toBe('2026-11-27');
  });

  it.each([
    ['no title', { title: '  ' }, 'title'],
    ['a date in the past', { due: '2026-11-20' }, 'due'],
    ['a viewer as the assignee', { assigneeId: 'veera' }, 'assigneeId'],
    ['someone outside the workspace', { assigneeId: 'stranger' }, 'assigneeId'],
  ])('refuses %s with a field message and writes nothing', async (_label, bad, field) => {
    const workspace = await staffedWorkspace(db);
    const association = await addAssociation(db, workspace);
    const error = await createTask(
      db,
      workspace.id,
      {
        id: newId(),
        associationId: association.id,
        title: 'Soita',
        due: '2026-11-27',
        assigneeId: 'anna',
        ...bad,
      },
      'anna',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as ValidationError).fields.find((f) => f.field === field)?.message;
    expect(message?.fi.length).toBeGreaterThan(5);
    expect(message?.en.length).toBeGreaterThan(5);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items).toEqual([]);
  });

  it('the title can be corrected; a cancelled task leaves every list but stays as a record', async () => {
    const { workspace, association, followUp } = await withFollowUp('2026-11-28');
    const target = { associationId: association.id, id: followUp.id };
    const corrected = await updateOpenFollowUp(
      db,
      workspace.id,
      { ...target, expectedVersion: 1, title: 'Soita puheenjohtajalle' },
      'anna',
    );
    expect(corrected).toMatchObject({ title: 'Soita puheenjohtajalle', due: '2026-11-28', version: 2 });
    // A cancel made on the old version is a conflict and changes nothing.
    await expect(
      cancelFollowUp(db, workspace.id, { ...target, expectedVersion: 1 }, 'anna'),
    ).rejects.toBeInstanceOf(ConflictError);
    await cancelFollowUp(db, workspace.id, { ...target, expectedVersion: 2 }, 'anna');
    expect(await getFollowUp(db, workspace.id, association.id, followUp.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'anna',
      title: 'Soita puheenjohtajalle',
    });
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items).toEqual([]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items).toEqual([]);
    expect((await getAssociation(db, workspace.id, association.id)).nextFollowUpDue).toBeUndefined();
    const again = await cancelFollowUp(db, workspace.id, { ...target, expectedVersion: 3 }, 'anna').catch(
      (e: unknown) => e,
    );
    expect((again as ValidationError).fields.map((f) => f.field)).toEqual(['followUpId']);
  });
});

describe('team tasks', () => {
  it('a task for the team is in nobody’s own list but in the team view, and can be handed on and back', async () => {
    const workspace = await staffedWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Tiimin tehtävä ry' });
    const task = await createTask(
      db,
      workspace.id,
      { id: newId(), associationId: association.id, title: 'Kuka ehtii?', due: '2026-11-26', assigneeId: '' },
      'anna',
    );
    expect(task.assigneeId).toBeUndefined();
    const mine = async (userId: string) =>
      (await listMyOpenFollowUps(db, workspace.id, userId)).items.map((f) => f.id);
    expect([await mine('anna'), await mine('ville')]).toEqual([[], []]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items.map((f) => f.id)).toEqual([task.id]);

    const taken = await updateOpenFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id: task.id, expectedVersion: 1, assigneeId: 'ville' },
      'ville',
    );
    expect(taken.assigneeId).toBe('ville');
    expect(await mine('ville')).toEqual([task.id]);
    const back = await updateOpenFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id: task.id, expectedVersion: 2, assigneeId: '' },
      'ville',
    );
    expect(back.assigneeId).toBeUndefined();
    expect(await mine('ville')).toEqual([]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items.map((f) => f.id)).toEqual([task.id]);
  });
});
