import { describe, expect, it } from 'vitest';
import {
  implausibleDateMessage,
  isPlausibleDate,
  plausibleDateSchema,
  plausibleInstantSchema,
  plausibleRange,
} from './plausible-dates';

// 23:30 in Helsinki on 1 Dec 2026 is still 1 Dec there (21:30 UTC).
const now = new Date('2026-12-01T21:30:00Z');

describe('plausible dates', () => {
  it('dates a contact from 1990 to tomorrow in Helsinki', () => {
    expect(plausibleRange('contact', now)).toEqual({ from: '1990-01-01', to: '2026-12-02' });
    expect(isPlausibleDate('contact', '1990-01-01', now)).toBe(true);
    expect(isPlausibleDate('contact', '2026-12-02', now)).toBe(true);
    for (const date of ['1989-12-31', '2026-12-03', '2099-01-01', '0001-01-01']) {
      expect(isPlausibleDate('contact', date, now)).toBe(false);
    }
  });

  it('sets a new due date from today to five years ahead', () => {
    expect(plausibleRange('newDue', now)).toEqual({ from: '2026-12-01', to: '2031-12-01' });
    expect(isPlausibleDate('newDue', '9999-12-31', now)).toBe(false);
    expect(implausibleDateMessage('newDue', '2026-11-30', now)).toBe('msg:date.past');
    expect(implausibleDateMessage('newDue', '9999-12-31', now)).toBe('msg:date.dueRange');
  });

  it('takes any other date from 1900 to ten years ahead', () => {
    expect(plausibleRange('other', now)).toEqual({ from: '1900-01-01', to: '2036-12-01' });
    expect(isPlausibleDate('other', '2027-06-01', now)).toBe(true);
    expect(isPlausibleDate('other', '1899-12-31', now)).toBe(false);
    expect(isPlausibleDate('other', '2099-01-01', now)).toBe(false);
  });

  it('refuses an implausible date in a schema with the rule message', () => {
    const schema = plausibleDateSchema('contact', () => now);
    expect(schema.safeParse('2026-12-02').success).toBe(true);
    expect(schema.safeParse('2099-01-01').error?.issues[0]?.message).toBe('msg:date.contactRange');
    expect(schema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('msg:date.format');
    const other = plausibleDateSchema('other', () => now);
    expect(other.safeParse('1899-12-31').error?.issues).toHaveLength(1);
    expect(other.safeParse('1899-12-31').error?.issues[0]?.message).toBe('msg:date.range');
    expect(other.safeParse('0001-01-01').success).toBe(false);
  });

  it('judges an instant by its Helsinki day', () => {
    const schema = plausibleInstantSchema('contact', () => now);
    // 2026-12-02T22:30Z is already 3 Dec in Helsinki: the day after tomorrow.
    expect(schema.safeParse('2026-12-02T21:00:00.000Z').success).toBe(true);
    expect(schema.safeParse('2026-12-02T22:30:00.000Z').success).toBe(false);
    expect(schema.safeParse('0001-01-01T12:00:00.000Z').success).toBe(false);
  });
});
