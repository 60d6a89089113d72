// Login throttling against dynalite: attempts are counted before the password is checked, so
// parallel guesses cannot all be checked; one address cannot spray guesses over many accounts;
// a device that logged in before is not locked out by strangers. The clock is injected.
import { describe, expect, it } from 'vitest';
import { freshWorkspace, testDb } from '../../../test/support/test-db';
import { listAudit } from '../audit/audit.store';
import { TooManyRequestsError, ValidationError } from '../errors';
import { newId } from '../ids';
import { helsinkiMonth } from '../time/helsinki';
import { createAccount, login } from './accounts';
import { HASHING_CONCURRENCY, passwordHashing } from './password';
import { loginLimits, type LoginLimits } from './throttle.store';
import { endAllSessions } from './user.store';

const clock = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => clock });
const password = 'vihreä-kettu-juoksee-42';
const unique = () => newId().toLowerCase().slice(-10);
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${unique()}`;

async function account() {
  const workspace = await freshWorkspace(db);
  const email = `login-${unique()}@example.invalid`;
  const { user } = await createAccount(db, {
    workspaceId: workspace.id,
    role: 'staff',
    name: 'Liisa Login',
    email,
    password,
  });
  return { workspace, user, email };
}

/** How many of the attempts were checked (a wrong password) and how many refused (429). */
async function tally(attempts: Promise<unknown>[]) {
  const settled = await Promise.allSettled(attempts);
  const reasons = settled.map((s) => (s.status === 'rejected' ? s.reason : s.value) as unknown);
  const checked = reasons.filter((r) => r instanceof ValidationError).length;
  const refused = reasons.filter((r) => r instanceof TooManyRequestsError).length;
  expect(checked + refused).toBe(attempts.length);
  return { checked, refused };
}

const small: LoginLimits = {
  perAccount: { limit: 3, windowSeconds: 15 * 60 },
  perAccountDevice: { limit: 3, windowSeconds: 15 * 60 },
  perAddress: { limit: 4, windowSeconds: 15 * 60 },
};

describe('login throttling', () => {
  it('120 parallel guesses at one account: at most 20 passwords are checked, the rest get 429', async () => {
    const target = await account();
    const attacker = address();
    const result = await tally(
      Array.from({ length: 120 }, (_, i) =>
        login(db, { email: target.email, password: `wrong-${i}-password`, clientAddress: attacker }),
      ),
    );
    expect(result.checked).toBeGreaterThan(0);
    expect(result.checked).toBeLessThanOrEqual(loginLimits.perAccount.limit);
    // Every checked password left one failed-login entry: no more checks happened than answered so.
    const audit = await listAudit(db, target.workspace.id, {
      month: helsinkiMonth(clock),
      action: 'login.failed',
    });
    expect(audit.items).toHaveLength(result.checked);
  }, 120_000);

  it('one address spraying guesses over many accounts is refused past the address limit', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => account()));
    const sprayer = address();
    const statuses = [];
    for (const target of accounts) {
      statuses.push(
        await login(
          db,
          { email: target.email, password: 'kesä-2026-salasana', clientAddress: sprayer },
          undefined,
          small,
        ).catch((caught: unknown) => caught),
      );
    }
    expect(statuses.slice(0, 4).every((s) => s instanceof ValidationError)).toBe(true);
    expect(statuses.slice(4).every((s) => s instanceof TooManyRequestsError)).toBe(true);
    // The sprayed accounts are not locked: their owners log in from elsewhere.
    for (const target of accounts) {
      const fine = await login(
        db,
        { email: target.email, password, clientAddress: address() },
        undefined,
        small,
      );
      expect(fine.user.id).toBe(target.user.id);
    }
  }, 120_000);

  it('a successful login gives back its own attempt, and only that one', async () => {
    const { email } = await account();
    const from = address();
    const attempt = (secret: string) =>
      login(db, { email, password: secret, clientAddress: from }, undefined, small).then(
        () => 'ok',
        (caught: unknown) => (caught instanceof TooManyRequestsError ? 429 : 400),
      );
    expect(await attempt('wrong-password-one')).toBe(400);
    expect(await attempt('wrong-password-two')).toBe(400);
    expect(await attempt(password)).toBe('ok'); // counted, then given back
    expect(await attempt('wrong-password-three')).toBe(400);
    expect(await attempt('wrong-password-four')).toBe(429);
    expect(await attempt(password)).toBe(429); // the limit holds for the right password too
  }, 60_000);

  it('a device that logged in before still logs in after strangers used up the account, until logout everywhere', async () => {
    const { email, user } = await account();
    const home = await login(db, { email, password, clientAddress: address() }, undefined, small);
    for (let i = 0; i < 3; i++) {
      await expect(
        login(db, { email, password: `wrong-${i}-password`, clientAddress: address() }, undefined, small),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(
      login(db, { email, password, clientAddress: address() }, undefined, small),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    const again = await login(
      db,
      { email, password, clientAddress: address(), device: home.device },
      undefined,
      small,
    );
    expect(again.user.id).toBe(user.id);
    expect(again.device.split('.')[0]).toBe(home.device.split('.')[0]); // the same device
    await endAllSessions(db, user.id);
    await expect(
      login(db, { email, password, clientAddress: address(), device: again.device }, undefined, small),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  }, 60_000);

  it('an address for an e-mail without an account is throttled exactly like one with an account', async () => {
    const known = await account();
    const unknown = `nobody-${unique()}@example.invalid`;
    const outcome = async (email: string) => {
      const from = address();
      const results = [];
      for (let i = 0; i < 4; i++) {
        const result = await login(
          db,
          { email, password: `wrong-${i}-password`, clientAddress: from },
          undefined,
          small,
        ).catch((caught: unknown) => caught);
        results.push(result instanceof TooManyRequestsError ? `429:${result.retryAfterSeconds}` : 400);
      }
      return results;
    };
    expect(await outcome(unknown)).toEqual(await outcome(known.email));
  }, 60_000);

  it('while the hashing queue is full a login is refused with 429 at once and counts nothing', async () => {
    const { email } = await account();
    const from = address();
    const gates: (() => void)[] = [];
    const occupied = Array.from({ length: HASHING_CONCURRENCY + 8 }, () =>
      passwordHashing.run(() => new Promise<void>((resolve) => gates.push(resolve))),
    );
    const busy = await login(
      db,
      { email, password: 'wrong-password-x', clientAddress: from },
      undefined,
      small,
    ).catch((caught: unknown) => caught);
    expect(busy).toBeInstanceOf(TooManyRequestsError);
    expect((busy as TooManyRequestsError).retryAfterSeconds).toBe(2);
    expect((busy as TooManyRequestsError).safe.en).toContain('busy');
    for (let round = 0; round < 1000 && (gates.length > 0 || passwordHashing.stats().running > 0); round++) {
      gates.shift()?.();
      await Promise.resolve();
    }
    await Promise.all(occupied);
    // Nothing was counted: all three attempts of the account are still there.
    for (let i = 0; i < 3; i++) {
      await expect(
        login(db, { email, password: `wrong-${i}-password`, clientAddress: from }, undefined, small),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(
      login(db, { email, password, clientAddress: from }, undefined, small),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  }, 60_000);
});
