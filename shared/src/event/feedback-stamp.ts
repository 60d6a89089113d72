// A time stamp signed into the public feedback form: a submission must come from a form this
// server handed out, no sooner than a person can answer, and within a day. Bots that post straight
// away, or replay an old form, are refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 2000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const mac = (secret: string, token: string, issuedAt: number) =>
  createHmac('sha256', secret).update(`feedback:${token}:${issuedAt}`).digest('hex');

export function issueStamp(secret: string, token: string, now: Date): string {
  return `${now.getTime()}.${mac(secret, token, now.getTime())}`;
}

export function checkStamp(
  secret: string,
  token: string,
  stamp: string | undefined,
  now: Date,
): 'ok' | 'invalid' | 'too-fast' | 'expired' {
  const [time, signature] = (stamp ?? '').split('.');
  const issuedAt = Number(time);
  if (!Number.isSafeInteger(issuedAt) || !signature) return 'invalid';
  const expected = Buffer.from(mac(secret, token, issuedAt), 'hex');
  const presented = Buffer.from(signature, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return 'too-fast';
  if (age > MAX_AGE_MS) return 'expired';
  return 'ok';
}
