import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { periodFromQuery } from './report-period';

const today = '2026-12-02';
const refusal = (query: string): ValidationError => {
  try {
    periodFromQuery(new URLSearchParams(query), today);
  } catch (caught) {
    if (caught instanceof ValidationError) return caught;
    throw caught;
  }
  throw new Error(`${query} was accepted`);
};

describe('periodFromQuery', () => {
  it('defaults to this year up to today', () => {
    expect(periodFromQuery(new URLSearchParams(''), today)).toEqual({ from: '2026-01-01', to: today });
    expect(periodFromQuery(new URLSearchParams('from=&to='), today)).toEqual({
      from: '2026-01-01',
      to: today,
    });
  });

  it('takes the dates asked for', () => {
    expect(periodFromQuery(new URLSearchParams('from=2025-01-01&to=2025-12-31'), today)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('refuses what is not a calendar date with a field message, never a RangeError', () => {
    for (const query of [
      'to=abc',
      'from=abc',
      'from=2026-13-45',
      'to=2026-02-30',
      'to=%00',
      `to=${'9'.repeat(200_000)}`,
    ]) {
      const refused = refusal(query);
      expect(refused.fields.length, query).toBeGreaterThan(0);
      expect(refused.fields[0]?.message.fi, query).toBeTruthy();
      expect(refused.fields[0]?.message.en, query).toBeTruthy();
    }
    expect(refusal('to=abc').fields.map((f) => f.field)).toEqual(['to']);
  });

  it('refuses an end before the start and a period over three years', () => {
    expect(refusal('from=2026-05-01&to=2026-04-30').fields[0]?.message.en).toBe(
      'The period starts before it ends.',
    );
    expect(refusal('from=2020-01-01&to=2026-01-01').fields[0]?.message.en).toBe(
      'A report covers at most three years.',
    );
  });
});
