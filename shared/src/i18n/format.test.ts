import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAt, formatDateTime, formatMonth, formatNumber, formatTime } from './format';

describe('the one formatter of dates, times and numbers', () => {
  it('writes dates the way Finnish users write them, and English ones with the month in words', () => {
    expect(formatDate('2026-11-03', 'fi')).toBe('3.11.2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23 Nov 2026');
  });

  it('puts a space between a date and its time, in both languages', () => {
    expect(formatDateAt('2026-12-02', '17:30', 'fi')).toBe('2.12.2026 klo 17.30');
    expect(formatDateAt('2026-12-02', '17:30', 'en')).toBe('2 Dec 2026 at 17:30');
    expect(formatDateAt('2026-12-02', undefined, 'fi')).toBe('2.12.2026');
  });

  it('shows an instant on Helsinki time, summer and winter', () => {
    expect(formatTime('2026-12-02T15:30:00Z', 'fi')).toBe('17.30');
    expect(formatTime('2026-07-02T15:30:00Z', 'en')).toBe('18:30');
    expect(formatDateTime('2026-12-02T22:30:00Z', 'fi')).toBe('3.12.2026 klo 0.30');
  });

  it('names months and groups thousands with plain spaces', () => {
    expect(formatMonth('2026-11', 'fi')).toBe('marraskuu 2026');
    expect(formatMonth('2026-11', 'en', 'short')).toBe('Nov 2026');
    expect(formatNumber(10_000, 'fi')).toBe('10 000');
    expect(formatNumber(10_000, 'en')).toBe('10,000');
  });
});
