// The one rule for which dates are plausible, shared by the forms' schemas and both importers: a
// contact dated 2099 or in year 1, a due date 9999-12-31 is a typo, not a plan. Ranges are
// calendar days in Europe/Helsinki, both ends included.
import type { MessageKey } from '../i18n/messages';
import { isoInstantSchema } from '../schema-helpers';
import { addDays, addMonths, calendarDateSchema, helsinkiDate, isCalendarDate } from './helsinki';

/**
 * `contact`: when a contact happened (1990-01-01 → tomorrow, for a late evening abroad);
 * `newDue`: a due date being set or changed (today → five years ahead);
 * `other`: any other date, e.g. an event, a role's start, a mailing, an event's contact (1900 → ten years ahead).
 */
export type DateRangeKind = 'contact' | 'newDue' | 'other';

export interface DateRange {
  from: string;
  to: string;
}

export function plausibleRange(kind: DateRangeKind, now: Date): DateRange {
  const today = helsinkiDate(now);
  switch (kind) {
    case 'contact':
      return { from: '1990-01-01', to: addDays(today, 1) };
    case 'newDue':
      return { from: today, to: addMonths(today, 5 * 12) };
    case 'other':
      return { from: '1900-01-01', to: addMonths(today, 10 * 12) };
  }
}

/** Whether a calendar date `YYYY-MM-DD` lies in the kind's range. */
export function isPlausibleDate(kind: DateRangeKind, date: string, now: Date): boolean {
  const { from, to } = plausibleRange(kind, now);
  return date >= from && date <= to;
}

/** The catalogue message of a date outside the kind's range (a due date before today says so). */
export function implausibleDateMessage(kind: DateRangeKind, date: string, now: Date): MessageKey {
  if (kind === 'newDue') {
    return date < plausibleRange(kind, now).from ? 'msg:date.past' : 'msg:date.dueRange';
  }
  return kind === 'contact' ? 'msg:date.contactRange' : 'msg:date.range';
}

const clock = () => new Date();

/** A calendar date in the kind's range; `now` is read at parse time (a request's clock, or the real one). */
export function plausibleDateSchema(kind: DateRangeKind, now: () => Date = clock) {
  return calendarDateSchema.check((ctx) => {
    if (!isCalendarDate(ctx.value)) return; // the format rule has said so already
    const at = now();
    if (!isPlausibleDate(kind, ctx.value, at)) {
      ctx.issues.push({
        code: 'custom',
        message: implausibleDateMessage(kind, ctx.value, at),
        input: ctx.value,
      });
    }
  });
}

/** An ISO instant whose Helsinki day lies in the kind's range. */
export function plausibleInstantSchema(kind: DateRangeKind, now: () => Date = clock) {
  return isoInstantSchema.check((ctx) => {
    const at = now();
    const date = helsinkiDate(new Date(ctx.value));
    if (!isPlausibleDate(kind, date, at)) {
      ctx.issues.push({ code: 'custom', message: implausibleDateMessage(kind, date, at), input: ctx.value });
    }
  });
}
