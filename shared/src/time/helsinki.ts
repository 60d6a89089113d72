// Calendar dates as people in Finland mean them. Due dates are plain `YYYY-MM-DD` days in
// Europe/Helsinki; instants are ISO strings in UTC. Lambda runs in UTC, so never use local time.
import { z } from 'zod';

export const TIME_ZONE = 'Europe/Helsinki';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is rejected). */
export const calendarDateSchema = z
  .string()
  .regex(DATE_PATTERN, { message: 'msg:date.format' })
  .refine(isCalendarDate, { message: 'msg:date.format' });

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Helsinki calendar date of an instant. */
export function helsinkiDate(instant: Date): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The Helsinki calendar month `YYYY-MM` of an instant (reports group by it). */
export function helsinkiMonth(instant: Date): string {
  return helsinkiDate(instant).slice(0, 7);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates; DST does not matter). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** A follow-up is overdue from the day after its due date, in Helsinki. */
export function isOverdue(due: string, now: Date): boolean {
  return due < helsinkiDate(now);
}

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The instant of a whole hour on a Helsinki calendar date (EET +2 or EEST +3). */
export function helsinkiInstant(date: string, hour: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (const offset of [2, 3]) {
    const candidate = new Date(Date.UTC(year, month - 1, day, hour - offset));
    if (helsinkiDate(candidate) === date && Number(hourFormat.format(candidate)) === hour) return candidate;
  }
  return new Date(Date.UTC(year, month - 1, day, hour - 2));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The same day a month later (31 Jan → 28/29 Feb): what people mean by "in a month". */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}
