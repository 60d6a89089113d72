// Opaque, tamper-proof pagination cursors: the last evaluated key, bound to the list it came
// from and signed with HMAC-SHA-256. A forged, edited or borrowed cursor is a ValidationError.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../errors';
import { localised } from '../i18n/messages';

const SIGNATURE_BYTES = 16;

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

export function encodeCursor(
  secret: string,
  scope: string,
  lastKey: Record<string, unknown> | undefined,
): string | undefined {
  if (!lastKey) return undefined;
  const payload = Buffer.from(JSON.stringify({ s: scope, k: lastKey })).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

function invalidCursor(): ValidationError {
  return new ValidationError([{ field: 'cursor', message: localised('msg:cursor.invalid') }]);
}

export function decodeCursor(
  secret: string,
  scope: string,
  cursor: string | undefined | null,
): Record<string, unknown> | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined || cursor.length > 2000) throw invalidCursor();
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    s?: unknown;
    k?: unknown;
  };
  if (decoded.s !== scope || typeof decoded.k !== 'object' || decoded.k === null) throw invalidCursor();
  return decoded.k as Record<string, unknown>;
}
