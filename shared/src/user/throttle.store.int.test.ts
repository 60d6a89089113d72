// The throttle counters against dynalite: counted before the work, atomically under parallel
// attempts, in rolling windows, and given back on refund. The clock is injected, never waited for.
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/test-db';
import { TooManyRequestsError } from '../errors';
import { newId } from '../ids';
import {
  assertNotThrottled,
  consumeAttempt,
  consumeAttempts,
  recordFailure,
  refundAttempt,
  type ThrottleRule,
} from './throttle.store';

let clock = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => clock });
const rule = (limit: number, windowSeconds = 600): ThrottleRule => ({
  kind: 'address',
  value: `test-${newId()}`,
  limit,
  windowSeconds,
});

async function outcomes(attempts: Promise<unknown>[]) {
  const settled = await Promise.allSettled(attempts);
  const refused = settled.filter(
    (s) => s.status === 'rejected' && s.reason instanceof TooManyRequestsError,
  ).length;
  const other = settled.filter((s) => s.status === 'rejected' && !(s.reason instanceof TooManyRequestsError));
  expect(other).toEqual([]);
  return { passed: settled.length - refused, refused };
}

describe('throttle counters', () => {
  it('lets exactly the limit of 120 parallel attempts through and refuses the rest', async () => {
    const limited = rule(20);
    const result = await outcomes(Array.from({ length: 120 }, () => consumeAttempt(db, limited)));
    expect(result).toEqual({ passed: 20, refused: 100 });
  });

  it('refuses with the seconds until the next attempt, and lets one through per window / limit', async () => {
    const start = clock;
    const limited = rule(10, 600); // one attempt back every 60 s
    for (let i = 0; i < 10; i++) await consumeAttempt(db, limited);
    const refusal = await consumeAttempt(db, limited).catch((caught: unknown) => caught);
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as TooManyRequestsError).retryAfterSeconds).toBe(60);
    clock = new Date(start.getTime() + 59_000);
    await expect(consumeAttempt(db, limited)).rejects.toBeInstanceOf(TooManyRequestsError);
    clock = new Date(start.getTime() + 60_000);
    await consumeAttempt(db, limited); // rolling: one back, not the whole window
    await expect(consumeAttempt(db, limited)).rejects.toBeInstanceOf(TooManyRequestsError);
    clock = new Date(start.getTime() + 60_000 + 600_000);
    const fresh = await outcomes(Array.from({ length: 12 }, () => consumeAttempt(db, limited)));
    expect(fresh).toEqual({ passed: 10, refused: 2 });
    clock = start;
  });

  it('a refund gives one attempt back', async () => {
    const limited = rule(3);
    for (let i = 0; i < 3; i++) await consumeAttempt(db, limited);
    await expect(consumeAttempt(db, limited)).rejects.toBeInstanceOf(TooManyRequestsError);
    await refundAttempt(db, limited);
    await consumeAttempt(db, limited);
    await expect(consumeAttempt(db, limited)).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('a limit of one is a single use for the whole window', async () => {
    const once = rule(1, 24 * 3600);
    const result = await outcomes(Array.from({ length: 50 }, () => consumeAttempt(db, once)));
    expect(result).toEqual({ passed: 1, refused: 49 });
  });

  it('counts all rules or none: a refusing rule gives back what the others counted', async () => {
    const wide = rule(5);
    const narrow = rule(1);
    await consumeAttempts(db, [wide, narrow]);
    for (let i = 0; i < 3; i++) {
      await expect(consumeAttempts(db, [wide, narrow])).rejects.toBeInstanceOf(TooManyRequestsError);
    }
    // `wide` counted only the one attempt that passed: four more fit.
    const result = await outcomes(Array.from({ length: 6 }, () => consumeAttempt(db, wide)));
    expect(result).toEqual({ passed: 4, refused: 2 });
  });

  it('the older check-then-count pair shares the counters: refused once failures reach the limit', async () => {
    const limited = rule(3);
    for (let i = 0; i < 3; i++) {
      await assertNotThrottled(db, [limited]);
      await recordFailure(db, [limited]);
    }
    await expect(assertNotThrottled(db, [limited])).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(consumeAttempt(db, limited)).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});
