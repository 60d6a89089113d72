// A device token: proof that this browser logged in to this account before (OWASP's "device
// cookie"). Login attempts that carry one are counted on their own counter, so a stranger's wrong
// guesses (which lock out unknown clients of the account, and their own address) never lock out
// the account's owner. The token is signed with the account's session epoch: "log out everywhere"
// and a password reset raise the epoch, and every device token of the account stops counting.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A device token is trusted for half a year after the login that gave it. */
export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const mac = (secret: string, user: DeviceOwner, deviceId: string, issuedAt: number) =>
  createHmac('sha256', secret)
    .update(`device:${user.id}:${user.sessionEpoch}:${deviceId}:${issuedAt}`)
    .digest('base64url');

export interface DeviceOwner {
  id: string;
  sessionEpoch: number;
}

/** `<device id>.<issued at ms>.<signature>`; keeps the device id of a token still valid. */
export function issueDeviceToken(secret: string, user: DeviceOwner, now: Date, deviceId?: string): string {
  const id = deviceId ?? randomBytes(12).toString('base64url');
  return `${id}.${now.getTime()}.${mac(secret, user, id, now.getTime())}`;
}

/**
 * The device id when `token` was issued to `user` at its current session epoch within the last
 * half year; undefined for anything else (missing, forged, another account's, old, malformed).
 */
export function checkDeviceToken(
  secret: string,
  user: DeviceOwner,
  token: string | undefined,
  now: Date,
): string | undefined {
  const [deviceId, time, signature, ...rest] = (token ?? '').split('.');
  const issuedAt = Number(time);
  if (!deviceId || !/^[\w-]{1,32}$/.test(deviceId) || !signature || rest.length > 0) return undefined;
  if (!Number.isSafeInteger(issuedAt)) return undefined;
  const expected = Buffer.from(mac(secret, user, deviceId, issuedAt));
  const presented = Buffer.from(signature);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  const age = now.getTime() - issuedAt;
  if (age < 0 || age > DEVICE_TOKEN_MAX_AGE_SECONDS * 1000) return undefined;
  return deviceId;
}
