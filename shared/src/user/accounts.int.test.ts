import { describe, expect, it } from 'vitest';
import { freshWorkspace, testDb } from '../../../test/support/test-db';
import { listAudit } from '../audit/audit.store';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../errors';
import { newId } from '../ids';
import { helsinkiMonth } from '../time/helsinki';
import {
  acceptInvite,
  completeSetup,
  createAccount,
  createPasswordReset,
  createSetupLink,
  inviteMember,
  login,
  resetPassword,
} from './accounts';
import { findSession, setSessionWorkspace } from './session.store';
import { sweepExpired } from './sweep-expired';
import { authenticate } from './authenticate';
import { endAllSessions, findUserByEmail, getUserAndMember, listMembers, updateMember } from './user.store';

let clock = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => clock });
const password = 'vihreä-kettu-juoksee-42';
const unique = () => newId().toLowerCase().slice(-10);

async function admin() {
  const workspace = await freshWorkspace(db);
  const email = `admin-${unique()}@example.invalid`;
  const { user } = await createAccount(db, {
    workspaceId: workspace.id,
    role: 'admin',
    name: 'Anna Admin',
    email,
    password,
  });
  return { workspace, user, email };
}

function address() {
  return `192.0.2.${Math.floor(Math.random() * 250)}-${unique()}`;
}

describe('accounts', () => {
  it('pattern 14: finds a user by e-mail in any letter case; keys hold only the hash', async () => {
    const { email, user } = await admin();
    expect((await findUserByEmail(db, email.toUpperCase()))?.id).toBe(user.id);
    expect(user.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(user.passwordHash).not.toContain(password);
  });

  it('patterns 15, 17 and 18: login makes a session in the only workspace; the member lists both ways', async () => {
    const { workspace, email, user } = await admin();
    const result = await login(db, { email, password, clientAddress: address() });
    expect(result.session.workspaceId).toBe(workspace.id);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await findSession(db, result.token))?.userId).toBe(user.id);
    expect((await listMembers(db, workspace.id)).map((m) => m.userId)).toEqual([user.id]);
    const both = await getUserAndMember(db, user.id, workspace.id);
    expect(both.member?.role).toBe('admin');
    const audit = await listAudit(db, workspace.id, { month: helsinkiMonth(clock) });
    expect(audit.items.map((e) => e.action)).toContain('login');
  });

  it('a wrong password and an unknown e-mail get the same answer; the failure is audited by id', async () => {
    const { workspace, email, user } = await admin();
    const wrong = login(db, { email, password: 'väärä-salasana-123', clientAddress: address() });
    await expect(wrong).rejects.toBeInstanceOf(ValidationError);
    const unknown = login(db, {
      email: `nobody-${unique()}@example.invalid`,
      password,
      clientAddress: address(),
    });
    await expect(unknown).rejects.toThrow('The e-mail address or the password is wrong.');
    const audit = await listAudit(db, workspace.id, { month: helsinkiMonth(clock), action: 'login.failed' });
    expect(audit.items).toEqual([expect.objectContaining({ actorId: user.id, entityId: user.id })]);
    expect(JSON.stringify(audit.items)).not.toContain(email);
  });

  it('20 wrong passwords for one account give 429; another account from another address still logs in', async () => {
    const target = await admin();
    const other = await admin();
    const attacker = address();
    for (let i = 0; i < 20; i++) {
      await expect(
        login(db, { email: target.email, password: `wrong-${i}-password`, clientAddress: attacker }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    const blocked = login(db, { email: target.email, password, clientAddress: address() });
    await expect(blocked).rejects.toBeInstanceOf(TooManyRequestsError);
    const error = (await blocked.catch((caught: unknown) => caught)) as TooManyRequestsError;
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    const fine = await login(db, { email: other.email, password, clientAddress: address() });
    expect(fine.user.id).toBe(other.user.id);
  }, 60_000);

  it('sessions end after the idle timeout, after the absolute timeout, and on logout everywhere', async () => {
    const { email, user } = await admin();
    const policy = { idleSeconds: 3600, absoluteSeconds: 3 * 3600 };
    const start = clock;
    const { token } = await login(db, { email, password, clientAddress: address() }, policy);
    clock = new Date(start.getTime() + 50 * 60_000);
    expect(await findSession(db, token, policy)).toBeDefined();
    clock = new Date(start.getTime() + 100 * 60_000);
    expect(await findSession(db, token, policy)).toBeDefined(); // used 50 min ago: still alive
    clock = new Date(start.getTime() + 161 * 60_000);
    expect(await findSession(db, token, policy)).toBeUndefined(); // idle for an hour
    clock = start;

    const busy = await login(db, { email, password, clientAddress: address() }, policy);
    for (let minutes = 30; minutes < 180; minutes += 30) {
      clock = new Date(start.getTime() + minutes * 60_000);
      expect(await findSession(db, busy.token, policy)).toBeDefined();
    }
    clock = new Date(start.getTime() + 181 * 60_000);
    expect(await findSession(db, busy.token, policy)).toBeUndefined(); // absolute limit
    clock = start;

    const a = await login(db, { email, password, clientAddress: address() });
    const b = await login(db, { email, password, clientAddress: address() });
    expect(a.token).not.toBe(b.token); // a new token at every login
    expect((await authenticate(db, a.token)).status).toBe('member');
    await endAllSessions(db, user.id);
    expect((await authenticate(db, a.token)).status).toBe('none');
    expect((await authenticate(db, b.token)).status).toBe('none');
  });

  it('the setup link makes the first admin once; an invitation works once and expires', async () => {
    const workspace = await freshWorkspace(db);
    const setup = await createSetupLink(db, workspace.id);
    const email = `first-${unique()}@example.invalid`;
    await expect(
      completeSetup(db, { token: setup, name: 'Eka', email, password: 'salasana1234' }),
    ).rejects.toThrow('too easy to guess');
    const { user } = await completeSetup(db, { token: setup, name: 'Eka Ylläpitäjä', email, password });
    await expect(
      completeSetup(db, { token: setup, name: 'Toka', email: `x-${unique()}@example.invalid`, password }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const staffEmail = `staff-${unique()}@example.invalid`;
    const invite = await inviteMember(db, {
      workspaceId: workspace.id,
      email: staffEmail,
      role: 'staff',
      by: user.id,
    });
    const joined = await acceptInvite(db, { token: invite.token, name: 'Sanna Staff', password });
    expect(joined.member.role).toBe('staff');
    await expect(acceptInvite(db, { token: invite.token, name: 'Again', password })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      inviteMember(db, { workspaceId: workspace.id, email: staffEmail, role: 'viewer', by: user.id }),
    ).rejects.toBeInstanceOf(ConflictError);

    const late = await inviteMember(db, {
      workspaceId: workspace.id,
      email: `late-${unique()}@example.invalid`,
      role: 'viewer',
      by: user.id,
    });
    const saved = clock;
    clock = new Date(clock.getTime() + 8 * 24 * 3600_000);
    await expect(acceptInvite(db, { token: late.token, name: 'Myöhässä', password })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const swept = await sweepExpired(db);
    expect(swept.token).toBeGreaterThanOrEqual(1);
    clock = saved;
  });

  it('an existing user joins a second workspace with their own password and can pick it after login', async () => {
    const first = await admin();
    const second = await admin();
    const invite = await inviteMember(db, {
      workspaceId: second.workspace.id,
      email: first.email,
      role: 'viewer',
      by: second.user.id,
    });
    await expect(
      acceptInvite(db, { token: invite.token, name: 'x', password: 'not-my-password-1' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await acceptInvite(db, { token: invite.token, name: 'ignored', password });
    const result = await login(db, { email: first.email, password, clientAddress: address() });
    expect(result.session.workspaceId).toBeUndefined();
    expect(result.workspaces.map((w) => w.workspaceId).sort()).toEqual(
      [first.workspace.id, second.workspace.id].sort(),
    );
    await setSessionWorkspace(db, result.token, second.workspace.id);
    expect((await findSession(db, result.token))?.workspaceId).toBe(second.workspace.id);
  });

  it('reset access ends sessions and lets the user set a new password once; deactivation refuses login', async () => {
    const { workspace, user } = await admin();
    const email = `v-${unique()}@example.invalid`;
    const { user: staff, member } = await createAccount(db, {
      workspaceId: workspace.id,
      role: 'staff',
      name: 'Ville',
      email,
      password,
    });
    const before = await login(db, { email, password, clientAddress: address() });
    expect((await authenticate(db, before.token)).status).toBe('member');
    const reset = await createPasswordReset(db, { workspaceId: workspace.id, userId: staff.id, by: user.id });
    expect((await authenticate(db, before.token)).status).toBe('none');
    await resetPassword(db, { token: reset, password: 'uusi-pitkä-salasana-kesä' });
    await expect(
      resetPassword(db, { token: reset, password: 'toinen-pitkä-salasana-talvi' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(login(db, { email, password, clientAddress: address() })).rejects.toBeInstanceOf(
      ValidationError,
    );

    await updateMember(db, {
      workspaceId: workspace.id,
      userId: staff.id,
      expectedVersion: member.version,
      active: false,
    });
    await expect(
      login(db, { email, password: 'uusi-pitkä-salasana-kesä', clientAddress: address() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const admins = await listMembers(db, workspace.id);
    const self = admins.find((m) => m.userId === user.id);
    await expect(
      updateMember(db, {
        workspaceId: workspace.id,
        userId: user.id,
        expectedVersion: self?.version ?? 0,
        role: 'staff',
      }),
    ).rejects.toThrow('at least one active admin');
  });

  it('the idle timeout counts from the last request, also at the 5-minute minimum', async () => {
    const { email } = await admin();
    const policy = { idleSeconds: 5 * 60, absoluteSeconds: 3600 };
    const start = clock;
    const at = (seconds: number) => (clock = new Date(start.getTime() + seconds * 1000));
    const { token } = await login(db, { email, password, clientAddress: address() }, policy);
    at(4 * 60 + 59);
    expect(await findSession(db, token, policy)).toBeDefined();
    at(9 * 60); // 4 min 1 s after the last request
    expect(await findSession(db, token, policy)).toBeDefined();
    at(13 * 60 + 59);
    expect(await findSession(db, token, policy)).toBeDefined();
    at(13 * 60 + 59 + 5 * 60 + 4); // idle for 5 min 4 s (configured 5 min, touch interval 3 s)
    expect(await findSession(db, token, policy)).toBeUndefined();
    clock = start;
  });

  it('the sweeper removes expired sessions and throttle counters but keeps live ones', async () => {
    const { email } = await admin();
    const policy = { idleSeconds: 60, absoluteSeconds: 3600 };
    const start = clock;
    const old = await login(db, { email, password, clientAddress: address() }, policy);
    await expect(
      login(db, { email, password: 'wrong-password-here', clientAddress: address() }),
    ).rejects.toThrow();
    clock = new Date(start.getTime() + 20 * 60_000);
    const fresh = await login(db, { email, password, clientAddress: address() }, policy);
    const report = await sweepExpired(db);
    expect(report.session).toBeGreaterThanOrEqual(1);
    expect(report.throttle).toBeGreaterThanOrEqual(1);
    expect(await findSession(db, fresh.token, policy)).toBeDefined();
    clock = start;
    expect(await findSession(db, old.token, policy)).toBeUndefined(); // deleted, even with the old clock
  }, 60_000);
});
