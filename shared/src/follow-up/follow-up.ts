// Pure rules for follow-ups.
import { calendarDateSchema, helsinkiDate } from '../time/helsinki';
import type { FollowUp } from './follow-up.schema';

/** A new due date may not lie in the past (Helsinki); today is fine. */
export const futureDueDateSchema = (now: Date) =>
  calendarDateSchema.refine((due) => due >= helsinkiDate(now), { message: 'msg:date.past' });

/** The earliest open follow-up decides the association's "next follow-up". */
export function nextDue(followUps: readonly Pick<FollowUp, 'due' | 'status'>[]): string | undefined {
  let earliest: string | undefined;
  for (const followUp of followUps) {
    if (followUp.status === 'open' && (earliest === undefined || followUp.due < earliest))
      earliest = followUp.due;
  }
  return earliest;
}
