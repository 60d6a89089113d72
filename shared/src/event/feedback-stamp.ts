// A time stamp signed into the public feedback form: a submission must come from a form this
// server handed out, no sooner than a person can answer, and within a day. Bots that post straight
// away, or replay an old form, are refused. Each stamp carries a random nonce and can be used once
// (stampUseRule, counted like a throttle): one form handed out is one feedback stored.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ThrottleRule } from '../user/throttle.store';

export const MIN_FILL_MS = 2000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const mac = (secret: string, token: string, issuedAt: number, nonce: string) =>
  createHmac('sha256', secret).update(`feedback:${token}:${issuedAt}:${nonce}`).digest('hex');

/** `<issued at ms>.<nonce>.<signature>`: two forms handed out in the same millisecond still differ. */
export function issueStamp(secret: string, token: string, now: Date): string {
  const nonce = randomBytes(9).toString('base64url');
  return `${now.getTime()}.${nonce}.${mac(secret, token, now.getTime(), nonce)}`;
}

export function checkStamp(
  secret: string,
  token: string,
  stamp: string | undefined,
  now: Date,
): 'ok' | 'invalid' | 'too-fast' | 'expired' {
  const [time, nonce, signature, ...rest] = (stamp ?? '').split('.');
  const issuedAt = Number(time);
  if (!Number.isSafeInteger(issuedAt) || !nonce || !signature || rest.length > 0) return 'invalid';
  const expected = Buffer.from(mac(secret, token, issuedAt, nonce), 'hex');
  const presented = Buffer.from(signature, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return 'too-fast';
  if (age > MAX_AGE_MS) return 'expired';
  return 'ok';
}

/**
 * The rule that uses a stamp up: one attempt in a day, longer than the stamp lives. Its counter
 * is keyed by a hash of the stamp, so the stamp itself is not stored.
 */
export function stampUseRule(stamp: string): ThrottleRule {
  return { kind: 'feedback-stamp', value: stamp, limit: 1, windowSeconds: MAX_AGE_MS / 1000 };
}
