import { describe, expect, it } from 'vitest';
import {
  futureDueDateSchema,
  groupTasks,
  nextDue,
  quickDueDate,
  taskGroupOf,
  taskGroupRanges,
  taskGroups,
} from './follow-up';
import { addDays } from '../time/helsinki';

describe('follow-up rules', () => {
  // 23:30 UTC on 23 Nov is already 24 Nov in Helsinki.
  const lateEvening = new Date('2026-11-23T23:30:00.000Z');

  it('allows a due date of today or later in Helsinki, never yesterday', () => {
    const schema = futureDueDateSchema(lateEvening);
    expect(schema.safeParse('2026-11-24').success).toBe(true);
    expect(schema.safeParse('2027-01-01').success).toBe(true);
    const past = schema.safeParse('2026-11-23');
    expect(past.success).toBe(false);
    expect(past.error?.issues[0]?.message).toBe('msg:date.past');
  });

  it('takes the earliest open follow-up as the next one and ignores done ones', () => {
    expect(
      nextDue([
        { due: '2026-12-31', status: 'open' },
        { due: '2026-11-30', status: 'done' },
        { due: '2026-12-05', status: 'open' },
      ]),
    ).toBe('2026-12-05');
    expect(nextDue([{ due: '2026-12-01', status: 'cancelled' }])).toBeUndefined();
  });
});

describe('quick picks and task groups', () => {
  // Tuesday 24 Nov 2026, 10:00 in Helsinki.
  const now = new Date('2026-11-24T08:00:00.000Z');

  it('turns quick picks into Helsinki due dates', () => {
    expect(quickDueDate('none', now)).toBeUndefined();
    expect(quickDueDate('week', now)).toBe('2026-12-01');
    expect(quickDueDate('month', now)).toBe('2026-12-24');
    expect(quickDueDate('year_end', now)).toBe('2026-12-31');
    expect(quickDueDate('custom', now, '2027-02-03')).toBe('2027-02-03');
    expect(quickDueDate('month', new Date('2027-01-31T10:00:00Z'))).toBe('2027-02-28');
  });

  it('groups tasks into overdue, today, this week (to Sunday) and later', () => {
    const groups = groupTasks(
      ['2026-11-20', '2026-11-24', '2026-11-29', '2026-11-30'].map((due) => ({ due })),
      now,
    );
    expect(groups.overdue.map((t) => t.due)).toEqual(['2026-11-20']);
    expect(groups.today.map((t) => t.due)).toEqual(['2026-11-24']);
    expect(groups.thisWeek.map((t) => t.due)).toEqual(['2026-11-29']);
    expect(groups.later.map((t) => t.due)).toEqual(['2026-11-30']);
    expect(taskGroupOf('2026-11-23', new Date('2026-11-23T22:30:00Z'))).toBe('overdue');
  });

  it('gives each group a due-date range that holds exactly the dates taskGroupOf puts in it', () => {
    // Every weekday, and around Helsinki midnight (22:30 UTC is already the next day in winter).
    for (const instant of [
      '2026-11-23T10:00:00Z',
      '2026-11-28T22:30:00Z',
      '2026-11-29T12:00:00Z',
      '2027-03-28T21:30:00Z',
    ]) {
      const at = new Date(instant);
      const ranges = taskGroupRanges(at);
      for (let offset = -10; offset <= 20; offset++) {
        const due = addDays('2026-11-25', offset);
        const inRange = taskGroups.filter((group) => {
          const { from, to } = ranges[group];
          return (from === undefined || due >= from) && (to === undefined || due <= to);
        });
        expect(inRange).toEqual([taskGroupOf(due, at)]);
      }
    }
    // On a Sunday the rest of the week is empty: the range is reversed, so nothing falls in it.
    const sunday = taskGroupRanges(new Date('2026-11-29T12:00:00Z')).thisWeek;
    expect(sunday.from! > sunday.to!).toBe(true);
  });
});
