import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  helsinkiInstant,
  calendarDateSchema,
  daysBetween,
  helsinkiDate,
  helsinkiMonth,
  isOverdue,
} from './helsinki';

describe('Helsinki dates', () => {
  it('moves to the next day at midnight Helsinki time, not UTC', () => {
    // Winter (UTC+2): 21:59 UTC is 23:59 in Helsinki, 22:00 UTC is already tomorrow.
    expect(helsinkiDate(new Date('2026-01-14T21:59:59Z'))).toBe('2026-01-14');
    expect(helsinkiDate(new Date('2026-01-14T22:00:00Z'))).toBe('2026-01-15');
    // Summer (UTC+3): the day turns at 21:00 UTC.
    expect(helsinkiDate(new Date('2026-07-14T20:59:59Z'))).toBe('2026-07-14');
    expect(helsinkiDate(new Date('2026-07-14T21:00:00Z'))).toBe('2026-07-15');
  });

  it('handles the nights the clocks change', () => {
    // 29 March 2026: 03:00 EET becomes 04:00 EEST (01:00 UTC).
    expect(helsinkiDate(new Date('2026-03-28T21:59:00Z'))).toBe('2026-03-28');
    expect(helsinkiDate(new Date('2026-03-28T22:00:00Z'))).toBe('2026-03-29');
    expect(helsinkiDate(new Date('2026-03-29T20:59:00Z'))).toBe('2026-03-29');
    expect(helsinkiDate(new Date('2026-03-29T21:00:00Z'))).toBe('2026-03-30');
    // 25 October 2026: 04:00 EEST becomes 03:00 EET.
    expect(helsinkiDate(new Date('2026-10-24T20:59:00Z'))).toBe('2026-10-24');
    expect(helsinkiDate(new Date('2026-10-24T21:00:00Z'))).toBe('2026-10-25');
    expect(helsinkiDate(new Date('2026-10-25T21:59:00Z'))).toBe('2026-10-25');
    expect(helsinkiDate(new Date('2026-10-25T22:00:00Z'))).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('puts a New Year’s Eve contact in the Helsinki month of January', () => {
    expect(helsinkiMonth(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01');
  });

  it('counts a follow-up as overdue only after its due day has passed in Helsinki', () => {
    expect(isOverdue('2026-11-23', new Date('2026-11-23T21:59:00Z'))).toBe(false);
    expect(isOverdue('2026-11-23', new Date('2026-11-23T22:00:00Z'))).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('accepts only real calendar dates', () => {
    expect(calendarDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(calendarDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(calendarDateSchema.safeParse('23.11.2026').success).toBe(false);
  });
});

describe('Helsinki instants', () => {
  it('finds noon in winter (UTC+2) and summer (UTC+3) time', () => {
    expect(helsinkiInstant('2026-01-15', 12).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(helsinkiInstant('2026-07-15', 12).toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('adds months the way people mean it', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-24', 1)).toBe('2026-12-24');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
