// Password hashing with scrypt (memory-hard, built into Node's crypto): the parameters travel
// inside the stored hash, so they can be raised later and old hashes still verify. Every hash goes
// through one small queue, so a flood of logins cannot take all of libuv's threads (and cores) from
// the rest of the server: past the queue's waiting line a hash is refused with 429.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createWorkQueue } from './work-queue';

/** OWASP's scrypt recommendation: N=2^17 (128 MiB), r=8, p=1. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * Hashes at once: one core is left to the event loop (two at most on bigger machines, so libuv's
 * four threads always keep two for other work). Eight more may wait, about a second or two.
 */
export const HASHING_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism() - 1));
export const passwordHashing = createWorkQueue({
  concurrency: HASHING_CONCURRENCY,
  maxWaiting: 8,
  retryAfterSeconds: 2,
});

/** Fails with TooManyRequestsError when the hashing queue is full. */
function scrypt(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return passwordHashing.run(
    () =>
      new Promise((resolve, reject) => {
        scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** `scrypt$N$r$p$salt$key` with base64url salt and key. Fails with TooManyRequestsError when busy. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseHash(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((value) => Number.isInteger(value) && value > 0)) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Fails with TooManyRequestsError when the hashing queue is full (nothing was checked). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account to check against, so the
 * answer's timing does not tell whether an e-mail address has an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('kohtaamo-no-such-account').catch((caught: unknown) => {
    dummyHash = undefined; // a busy queue must not leave a failed promise behind
    throw caught;
  });
  await verifyPassword(password, await dummyHash);
  return false;
}
