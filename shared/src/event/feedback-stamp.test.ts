import { describe, expect, it } from 'vitest';
import { checkStamp, issueStamp, MAX_AGE_MS, stampUseRule } from './feedback-stamp';

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

  it('two forms handed out in the same millisecond get different stamps, each used up by its own rule', () => {
    const first = issueStamp(secret, 'token-a', at);
    const second = issueStamp(secret, 'token-a', at);
    expect(first).not.toBe(second);
    expect(checkStamp(secret, 'token-a', second, later(5000))).toBe('ok');
    expect(stampUseRule(first)).toEqual({
      kind: 'feedback-stamp',
      value: first,
      limit: 1,
      windowSeconds: MAX_AGE_MS / 1000,
    });
    expect(stampUseRule(second).value).not.toBe(stampUseRule(first).value);
  });
});
