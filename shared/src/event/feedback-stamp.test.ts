import { describe, expect, it } from 'vitest';
import { checkStamp, issueStamp } from './feedback-stamp';

const secret = 'stamp-secret-0123456789-0123456789-0123';
const at = new Date('2026-10-03T10:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('feedback form stamp', () => {
  it('accepts a form sent after a few seconds and within a day', () => {
    const stamp = issueStamp(secret, 'token-a', at);
    expect(checkStamp(secret, 'token-a', stamp, later(5000))).toBe('ok');
    expect(checkStamp(secret, 'token-a', stamp, later(500))).toBe('too-fast');
    expect(checkStamp(secret, 'token-a', stamp, later(25 * 3600_000))).toBe('expired');
  });

  it('refuses a stamp of another form, a forged or missing one', () => {
    const stamp = issueStamp(secret, 'token-a', at);
    expect(checkStamp(secret, 'token-b', stamp, later(5000))).toBe('invalid');
    expect(checkStamp('another-secret-0123456789-0123456789', 'token-a', stamp, later(5000))).toBe('invalid');
    expect(
      checkStamp(secret, 'token-a', `${at.getTime() - 10_000}.${stamp.split('.')[1]}`, later(5000)),
    ).toBe('invalid');
    expect(checkStamp(secret, 'token-a', undefined, later(5000))).toBe('invalid');
    expect(checkStamp(secret, 'token-a', 'nonsense', later(5000))).toBe('invalid');
  });
});
