// The task groups of "My tasks" and the team view read as due-date ranges of the open indexes
// (patterns 5 and 6): each group's own first items and its count, whatever the other groups hold.
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { countUpTo } from '../db/operations';
import { keys } from '../db/table';
import { newId } from '../ids';
import { taskGroupOf, taskGroupRanges, taskGroups } from './follow-up';
import {
  completeFollowUp,
  countOpenFollowUpsDue,
  listOpenFollowUpsDue,
  putFollowUp,
} from './follow-up.store';

// Tuesday 24 November 2026, 10:00 in Helsinki.
const now = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => now });

async function seeded() {
  const workspace = await freshWorkspace(db);
  const association = await addAssociation(db, workspace, { name: 'Ryhmät ry' });
  const dues: [string, string | undefined][] = [
    // 120 overdue of Anna's: more than a page, so today's would once have been behind "more".
    ...Array.from(
      { length: 120 },
      (_, i) =>
        [`2026-${i < 60 ? '10' : '11'}-${String((i % 20) + 1).padStart(2, '0')}`, 'anna'] as [string, string],
    ),
    ['2026-11-24', 'anna'],
    ['2026-11-24', 'anna'],
    ['2026-11-24', undefined],
    ['2026-11-26', 'anna'],
    ['2026-11-29', 'ville'],
    ['2026-11-30', 'anna'],
    ['2027-01-15', undefined],
  ];
  const made = [];
  for (const [due, assigneeId] of dues) {
    made.push(
      await putFollowUp(
        db,
        workspace.id,
        { id: newId(), associationId: association.id, due, ...(assigneeId ? { assigneeId } : {}) },
        'anna',
      ),
    );
  }
  return { workspace, made };
}

describe('open follow-ups by task group', () => {
  it('gives every group its own total and first items, for one user, the team’s tasks and everyone', async () => {
    const { workspace, made } = await seeded();
    const ranges = taskGroupRanges(now);
    const expected = (keep: (f: (typeof made)[number]) => boolean) =>
      Object.fromEntries(
        taskGroups.map((group) => [
          group,
          made.filter((f) => keep(f) && taskGroupOf(f.due, now) === group).length,
        ]),
      );
    for (const [owner, keep] of [
      [{ userId: 'anna' }, (f: (typeof made)[number]) => f.assigneeId === 'anna'],
      ['teamTasks', (f: (typeof made)[number]) => f.assigneeId === undefined],
      ['everyone', () => true],
    ] as const) {
      const counts = Object.fromEntries(
        await Promise.all(
          taskGroups.map(async (group) => [
            group,
            (await countOpenFollowUpsDue(db, workspace.id, owner, ranges[group])).count,
          ]),
        ),
      );
      expect(counts).toEqual(expected(keep));
    }
    expect(expected((f) => f.assigneeId === 'anna')).toEqual({
      overdue: 120,
      today: 2,
      thisWeek: 1,
      later: 1,
    });

    // Today's tasks are read from their own range: never behind the 120 overdue ones.
    const today = await listOpenFollowUpsDue(db, workspace.id, { userId: 'anna' }, ranges.today, {
      limit: 25,
    });
    expect(today.items.map((f) => f.due)).toEqual(['2026-11-24', '2026-11-24']);
    const overdue = await listOpenFollowUpsDue(db, workspace.id, { userId: 'anna' }, ranges.overdue, {
      limit: 25,
    });
    expect(overdue.items).toHaveLength(25);
    expect(overdue.cursor).toBeDefined();
    expect(overdue.items.every((f) => f.due < '2026-11-24')).toBe(true);
    // A cursor of one group is refused by another (its scope names the owner and the range).
    await expect(
      listOpenFollowUpsDue(db, workspace.id, { userId: 'anna' }, ranges.later, { cursor: overdue.cursor }),
    ).rejects.toThrow();

    // A completed task leaves its group's count and list at once.
    const todays = today.items[0]!;
    await completeFollowUp(db, workspace.id, {
      associationId: todays.associationId,
      id: todays.id,
      by: 'anna',
    });
    expect((await countOpenFollowUpsDue(db, workspace.id, { userId: 'anna' }, ranges.today)).count).toBe(1);
  });

  it('counts no further than the cap and says there are more', async () => {
    const { workspace } = await seeded();
    const input = {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.myOpenFollowUpsPartition(workspace.id, 'anna') },
    };
    expect(await countUpTo(db, input, 50)).toEqual({ count: 50, more: true });
    // Exactly the cap is not "more" (DynamoDB hands back a start key whenever its limit is reached).
    expect(await countUpTo(db, input, 124)).toEqual({ count: 124, more: false });
    expect(await countUpTo(db, input, 123)).toEqual({ count: 123, more: true });
    expect(await countUpTo(db, input, 1000)).toEqual({ count: 124, more: false });
  });

  it('has nothing in the rest of the week on a Sunday, without a query', async () => {
    const { workspace } = await seeded();
    const sunday = taskGroupRanges(new Date('2026-11-29T12:00:00Z')).thisWeek;
    expect(await countOpenFollowUpsDue(db, workspace.id, 'everyone', sunday)).toEqual({
      count: 0,
      more: false,
    });
    expect((await listOpenFollowUpsDue(db, workspace.id, 'everyone', sunday)).items).toEqual([]);
  });
});
