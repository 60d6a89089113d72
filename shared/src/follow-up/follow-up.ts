// Pure rules for follow-ups.
import { addDays, addMonths, helsinkiDate, isoWeekday } from '../time/helsinki';
import { plausibleDateSchema } from '../time/plausible-dates';
import type { FollowUp } from './follow-up.schema';

/** A new due date lies from today (Helsinki) to five years ahead: the `newDue` rule of plausible-dates.ts. */
export const futureDueDateSchema = (now: Date) => plausibleDateSchema('newDue', () => now);

/** The earliest open follow-up decides the association's "next follow-up". */
export function nextDue(followUps: readonly Pick<FollowUp, 'due' | 'status'>[]): string | undefined {
  let earliest: string | undefined;
  for (const followUp of followUps) {
    if (followUp.status === 'open' && (earliest === undefined || followUp.due < earliest))
      earliest = followUp.due;
  }
  return earliest;
}

/** The quick picks for "next follow-up" on the contact form. */
/** The open ones of an association's follow-ups, earliest due first (ties by id). */
export function openInDueOrder<T extends Pick<FollowUp, 'due' | 'id' | 'status'>>(
  followUps: readonly T[],
): T[] {
  return followUps
    .filter((f) => f.status === 'open')
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

export const followUpQuickPicks = ['none', 'week', 'month', 'year_end', 'custom'] as const;
export type FollowUpQuickPick = (typeof followUpQuickPicks)[number];

/** The due date a quick pick means today in Helsinki; `custom` takes the date the user gave. */
export function quickDueDate(pick: FollowUpQuickPick, now: Date, custom?: string): string | undefined {
  const today = helsinkiDate(now);
  switch (pick) {
    case 'none':
      return undefined;
    case 'week':
      return addDays(today, 7);
    case 'month':
      return addMonths(today, 1);
    case 'year_end':
      return `${today.slice(0, 4)}-12-31`;
    case 'custom':
      return custom;
  }
}

export const taskGroups = ['overdue', 'today', 'thisWeek', 'later'] as const;
export type TaskGroup = (typeof taskGroups)[number];

/** Which group of "My tasks" a due date falls in; the week ends on Sunday, Helsinki time. */
export function taskGroupOf(due: string, now: Date): TaskGroup {
  const today = helsinkiDate(now);
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  const sunday = addDays(today, 7 - isoWeekday(today));
  return due <= sunday ? 'thisWeek' : 'later';
}

/** The due dates of a group as an inclusive range (open ends absent); `thisWeek` may be empty (Sunday). */
export interface DueRange {
  from?: string;
  to?: string;
}

/** The due-date range of each group today, Helsinki time: the same split as taskGroupOf. */
export function taskGroupRanges(now: Date): Record<TaskGroup, DueRange> {
  const today = helsinkiDate(now);
  const sunday = addDays(today, 7 - isoWeekday(today));
  return {
    overdue: { to: addDays(today, -1) },
    today: { from: today, to: today },
    thisWeek: { from: addDays(today, 1), to: sunday },
    later: { from: addDays(sunday, 1) },
  };
}

export function groupTasks<T extends { due: string }>(
  followUps: readonly T[],
  now: Date,
): Record<TaskGroup, T[]> {
  const groups: Record<TaskGroup, T[]> = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const followUp of followUps) groups[taskGroupOf(followUp.due, now)].push(followUp);
  return groups;
}
