// Identifiers: ULIDs made by the client (idempotent creates) and workspace slugs.
// Anything that reaches a key is validated here, so a `#` from outside can never forge a key.
import { createHash } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { z } from 'zod';
import { ULID_PATTERN, isId } from './id-format';

export { ULID_PATTERN, isId };

const nextUlid = monotonicFactory();

/** A new ULID; `time` pins the timestamp part (seeds, imports). */
export function newId(time?: number): string {
  return nextUlid(time);
}

export const idSchema = z.string().regex(ULID_PATTERN, { message: 'msg:id.invalid' });

export const WORKSPACE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const workspaceIdSchema = z.string().regex(WORKSPACE_ID_PATTERN, { message: 'msg:workspace.id' });

/** Staff member ids (user ids): letters, digits, `_` and `-` only, so they are safe in keys. */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const staffIdSchema = z.string().regex(STAFF_ID_PATTERN, { message: 'msg:id.invalid' });

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id derived from `seed`: the same seed always gives the same id. */
export function idFromSeed(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  let bits = 0n;
  for (const byte of bytes.subarray(0, 16)) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = CROCKFORD[Number(bits & 31n)] + id;
    bits >>= 5n;
  }
  // A ULID's first character is at most 7 (its 48-bit time part).
  return `${CROCKFORD[Number(BigInt(CROCKFORD.indexOf(id[0] as string)) & 7n)]}${id.slice(1)}`;
}
