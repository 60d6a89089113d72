import { describe, expect, it } from 'vitest';
import { checkDeviceToken, DEVICE_TOKEN_MAX_AGE_SECONDS, issueDeviceToken } from './device-token';

const secret = 'device-secret-0123456789-0123456789-0123';
const user = { id: '01JCV3ZQ8W3G7E6V5XJ2F9K1AB', sessionEpoch: 3 };
const at = new Date('2026-11-24T08:00:00.000Z');
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe('device token', () => {
  it('names the same device for its account until the epoch changes or half a year passes', () => {
    const token = issueDeviceToken(secret, user, at);
    const deviceId = checkDeviceToken(secret, user, token, later(60));
    expect(deviceId).toMatch(/^[\w-]{16}$/);
    expect(
      checkDeviceToken(secret, user, issueDeviceToken(secret, user, later(60), deviceId), later(61)),
    ).toBe(deviceId);
    expect(checkDeviceToken(secret, { ...user, sessionEpoch: 4 }, token, later(60))).toBeUndefined();
    expect(checkDeviceToken(secret, user, token, later(DEVICE_TOKEN_MAX_AGE_SECONDS + 1))).toBeUndefined();
  });

  it('refuses another account, another secret, a changed time, a missing or malformed token', () => {
    const token = issueDeviceToken(secret, user, at);
    const [id, , signature] = token.split('.');
    expect(
      checkDeviceToken(secret, { ...user, id: '01JCV3ZQ8W3G7E6V5XJ2F9K1AC' }, token, at),
    ).toBeUndefined();
    expect(checkDeviceToken('another-secret-0123456789-0123456789', user, token, at)).toBeUndefined();
    expect(checkDeviceToken(secret, user, `${id}.${at.getTime() + 1}.${signature}`, at)).toBeUndefined();
    expect(checkDeviceToken(secret, user, undefined, at)).toBeUndefined();
    expect(checkDeviceToken(secret, user, 'nonsense', at)).toBeUndefined();
    expect(checkDeviceToken(secret, user, `${token}.extra`, at)).toBeUndefined();
  });
});
