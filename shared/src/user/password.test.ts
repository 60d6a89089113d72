import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors';
import { HASHING_CONCURRENCY, hashPassword, passwordHashing, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('oikea-hevonen-paristo-niitti');
    expect(await verifyPassword('oikea-hevonen-paristo-niitti', stored)).toBe(true);
    expect(await verifyPassword('väärä-hevonen-paristo-niitti', stored)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  }, 30_000);

  it('runs at most the bound of parallel verifications at once and refuses past the waiting line', async () => {
    // Cheap parameters travel in the stored hash, so the test need not spend 128 MiB per check.
    const cheap = [
      'scrypt',
      1024,
      8,
      1,
      'c2FsdHNhbHRzYWx0c2FsdA',
      'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5',
    ].join('$');
    let highest = 0;
    const watch = () => (highest = Math.max(highest, passwordHashing.stats().running));
    const attempts = Array.from({ length: HASHING_CONCURRENCY + 8 + 3 }, (_, i) =>
      verifyPassword(`guess-${i}`, cheap)
        .catch((caught: unknown) => caught)
        .finally(watch),
    );
    watch();
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result instanceof TooManyRequestsError)).toHaveLength(3);
    expect(results.filter((result) => result === false)).toHaveLength(HASHING_CONCURRENCY + 8);
    expect(highest).toBeLessThanOrEqual(HASHING_CONCURRENCY);
    expect(passwordHashing.stats()).toMatchObject({ running: 0, waiting: 0 });
    expect(passwordHashing.stats().peak).toBeLessThanOrEqual(HASHING_CONCURRENCY);
  });
});
