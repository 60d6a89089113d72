import { describe, expect, it } from 'vitest';
import { futureDueDateSchema, nextDue } from './follow-up';

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
