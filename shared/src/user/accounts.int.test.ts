import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, ownTableDb, testDb } from '../../../test/support/test-db';
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
import { outboxMailer } from '../reminders/mailer';
import {
  acceptInvite,
  completeSetup,
  createAccount,
  createPasswordReset,
  createSetupLink,
  inviteMember,
  login,
  peekInvitation,
  peekSetupLink,
  resendInvitation,
  resetPassword,
  revokePendingInvitation,
  type AccountMail,
} from './accounts';
import { getWorkspace, renameWorkspace } from '../workspace/workspace.store';
import { findSession, setSessionWorkspace } from './session.store';
import { sweepExpired } from './sweep-expired';
import { authenticate } from './authenticate';
import { listPendingInvitations } from './invitations';
import { changeOwnPassword, renameOwnAccount } from './own-account';
import { passwordChangeLimit } from './throttle.store';
import {
  addMember,
  endAllSessions,
  findUserByEmail,
  getUserAndMember,
  listMembers,
  updateMember,
} from './user.store';

let clock = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => clock });
const password = 'vihreä-kettu-juoksee-42';
/** A failed login counts against its address and its account: two counters, both expired after 20 min. */
const THROTTLES_OF_A_FAILED_LOGIN = 2;
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

/** A real outbox (a temporary folder) and what has been written to it. */
function outbox() {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-outbox-'));
  const mail: AccountMail = {
    mailer: outboxMailer(dir, 'kohtaamo@example.invalid'),
    siteUrl: 'http://127.0.0.1:3000',
  };
  const messages = () =>
    readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name), 'utf8'));
  /** The token of the last link of `kind` mailed to `to`. */
  const tokenFor = (to: string, kind: 'invite' | 'reset') => {
    const found = messages().filter((m) => m.includes(`To: ${to}`));
    const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(found.at(-1) ?? '');
    if (!match?.[1]) throw new Error(`no ${kind} link mailed to ${to}`);
    return match[1];
  };
  return { mail, messages, tokenFor };
}

const noMailer: AccountMail = { mailer: undefined, siteUrl: 'http://127.0.0.1:3000' };

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
    expect((await findSession(db, token, policy))?.userId).toBe(user.id);
    clock = new Date(start.getTime() + 100 * 60_000);
    expect((await findSession(db, token, policy))?.userId).toBe(user.id); // used 50 min ago: still alive
    clock = new Date(start.getTime() + 161 * 60_000);
    expect(await findSession(db, token, policy)).toBeUndefined(); // idle for an hour
    clock = start;

    const busy = await login(db, { email, password, clientAddress: address() }, policy);
    for (let minutes = 30; minutes < 180; minutes += 30) {
      clock = new Date(start.getTime() + minutes * 60_000);
      expect((await findSession(db, busy.token, policy))?.userId).toBe(user.id);
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
    // A blank centre name is refused before the link is used up.
    const blank = await completeSetup(db, {
      token: setup,
      name: 'Eka Ylläpitäjä',
      email,
      password,
      workspaceName: '  ',
    }).catch((e: unknown) => e);
    expect((blank as ValidationError).fields.map((f) => f.field)).toEqual(['workspaceName']);
    const { user } = await completeSetup(db, {
      token: setup,
      name: 'Eka Ylläpitäjä',
      email,
      password,
      workspaceName: 'Pohjois-Savon järjestöpalvelut',
    });
    expect((await getWorkspace(db, workspace.id)).name).toBe('Pohjois-Savon järjestöpalvelut');
    await expect(
      completeSetup(db, { token: setup, name: 'Toka', email: `x-${unique()}@example.invalid`, password }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const staffEmail = `staff-${unique()}@example.invalid`;
    const invite = await inviteMember(db, noMailer, {
      workspaceId: workspace.id,
      email: staffEmail,
      role: 'staff',
      by: user.id,
    });
    if (invite.delivery !== 'link') throw new Error('a new address gets a link');
    const joined = await acceptInvite(db, { token: invite.token, name: 'Sanna Staff', password });
    expect(joined.member.role).toBe('staff');
    await expect(acceptInvite(db, { token: invite.token, name: 'Again', password })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      inviteMember(db, noMailer, {
        workspaceId: workspace.id,
        email: staffEmail,
        role: 'viewer',
        by: user.id,
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    const late = await inviteMember(db, noMailer, {
      workspaceId: workspace.id,
      email: `late-${unique()}@example.invalid`,
      role: 'viewer',
      by: user.id,
    });
    if (late.delivery !== 'link') throw new Error('a new address gets a link');
    const saved = clock;
    clock = new Date(clock.getTime() + 8 * 24 * 3600_000);
    await expect(acceptInvite(db, { token: late.token, name: 'Myöhässä', password })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const swept = await sweepExpired(db);
    expect(swept.token).toBeGreaterThanOrEqual(1);
    clock = saved;
  });

  it('an existing user joins a second workspace by mail, signed in as themselves, and can pick it after login', async () => {
    const first = await admin();
    const second = await admin();
    const { mail, tokenFor } = outbox();
    const invite = await inviteMember(db, mail, {
      workspaceId: second.workspace.id,
      email: first.email,
      role: 'viewer',
      by: second.user.id,
    });
    expect(invite.delivery).toBe('mail');
    const token = tokenFor(first.email, 'invite');
    await expect(acceptInvite(db, { token, name: 'x', password })).rejects.toThrow('Sign in with it first');
    await acceptInvite(db, { token, name: 'ignored', password: '', signedInAs: first.user.id });
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
    const { mail, tokenFor } = outbox();
    await createPasswordReset(db, mail, { workspaceId: workspace.id, userId: staff.id, by: user.id });
    const reset = tokenFor(email, 'reset');
    expect((await authenticate(db, before.token)).status).toBe('none');
    await resetPassword(db, mail, { token: reset, password: 'uusi-pitkä-salasana-kesä' });
    await expect(
      resetPassword(db, mail, { token: reset, password: 'toinen-pitkä-salasana-talvi' }),
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
    const { email, user } = await admin();
    const policy = { idleSeconds: 5 * 60, absoluteSeconds: 3600 };
    const start = clock;
    const at = (seconds: number) => (clock = new Date(start.getTime() + seconds * 1000));
    const { token } = await login(db, { email, password, clientAddress: address() }, policy);
    at(4 * 60 + 59);
    expect((await findSession(db, token, policy))?.userId).toBe(user.id);
    at(9 * 60); // 4 min 1 s after the last request
    expect((await findSession(db, token, policy))?.userId).toBe(user.id);
    at(13 * 60 + 59);
    expect((await findSession(db, token, policy))?.userId).toBe(user.id);
    at(13 * 60 + 59 + 5 * 60 + 4); // idle for 5 min 4 s (configured 5 min, touch interval 3 s)
    expect(await findSession(db, token, policy)).toBeUndefined();
    clock = start;
  });

  it('the sweeper removes expired sessions and throttle counters but keeps live ones', async () => {
    // A table of its own: the sweep scans the whole table, so its counts are exact only here.
    const own = await ownTableDb({ now: () => clock });
    const workspace = await freshWorkspace(own);
    const email = `admin-${unique()}@example.invalid`;
    const { user } = await createAccount(own, {
      workspaceId: workspace.id,
      role: 'admin',
      name: 'Anna Admin',
      email,
      password,
    });
    const policy = { idleSeconds: 60, absoluteSeconds: 3600 };
    const start = clock;
    const old = await login(own, { email, password, clientAddress: address() }, policy);
    await expect(
      login(own, { email, password: 'wrong-password-here', clientAddress: address() }),
    ).rejects.toThrow();
    clock = new Date(start.getTime() + 20 * 60_000);
    const fresh = await login(own, { email, password, clientAddress: address() }, policy);
    expect(await sweepExpired(own)).toEqual({ session: 1, token: 0, throttle: THROTTLES_OF_A_FAILED_LOGIN });
    expect(await sweepExpired(own)).toEqual({ session: 0, token: 0, throttle: 0 }); // nothing twice
    expect((await findSession(own, fresh.token, policy))?.userId).toBe(user.id);
    clock = start;
    expect(await findSession(own, old.token, policy)).toBeUndefined(); // deleted, even with the old clock
    own.doc.destroy();
  }, 60_000);
});

describe('no cross-workspace takeover', () => {
  /** A user who is staff in workspace A and in workspace B, with an admin in each. */
  async function sharedUser() {
    const a = await admin();
    const b = await admin();
    const email = `shared-${unique()}@example.invalid`;
    const { user } = await createAccount(db, {
      workspaceId: a.workspace.id,
      role: 'staff',
      name: 'Jaettu Käyttäjä',
      email,
      password,
    });
    await createAccount(db, { workspaceId: b.workspace.id, role: 'staff', name: 'x', email, password: 'x' });
    return { a, b, user, email };
  }

  it("A's admin resetting a user shared with B gets no link: it is mailed to the user, audited in both, and noticed", async () => {
    const { a, b, user, email } = await sharedUser();
    const { mail, messages, tokenFor } = outbox();
    const session = await login(db, { email, password, clientAddress: address() });
    const result = await createPasswordReset(db, mail, {
      workspaceId: a.workspace.id,
      userId: user.id,
      by: a.user.id,
    });
    expect(JSON.stringify(result)).not.toMatch(/[A-Za-z0-9_-]{43}/);
    expect(result).toEqual({ sentTo: email });
    expect(messages()).toHaveLength(1);
    expect(messages()[0]).toContain(`To: ${email}`);
    expect((await authenticate(db, session.token)).status).toBe('none');
    for (const workspace of [a.workspace, b.workspace]) {
      const audit = await listAudit(db, workspace.id, {
        month: helsinkiMonth(clock),
        action: 'member.reset',
      });
      expect(audit.items).toEqual([expect.objectContaining({ actorId: a.user.id, entityId: user.id })]);
    }

    const done = await resetPassword(db, mail, {
      token: tokenFor(email, 'reset'),
      password: 'omenapuu-kukkii-toukokuussa',
    });
    expect(done.noticeSent).toBe(true);
    expect(messages()).toHaveLength(2);
    expect(messages()[1]).toContain(`To: ${email}`);
    expect(messages()[1]).toContain('your password was changed');
    for (const workspace of [a.workspace, b.workspace]) {
      const audit = await listAudit(db, workspace.id, {
        month: helsinkiMonth(clock),
        action: 'password.reset',
      });
      expect(audit.items).toEqual([expect.objectContaining({ actorId: user.id, entityId: user.id })]);
    }
  });

  it('a newer reset voids the earlier reset link', async () => {
    const { a, user, email } = await sharedUser();
    const { mail, tokenFor } = outbox();
    await createPasswordReset(db, mail, { workspaceId: a.workspace.id, userId: user.id, by: a.user.id });
    const first = tokenFor(email, 'reset');
    await createPasswordReset(db, mail, { workspaceId: a.workspace.id, userId: user.id, by: a.user.id });
    await expect(
      resetPassword(db, mail, { token: first, password: 'omenapuu-kukkii-toukokuussa' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await resetPassword(db, mail, {
      token: tokenFor(email, 'reset'),
      password: 'omenapuu-kukkii-toukokuussa',
    });
  });

  it('without a mailer, resets and invitations of existing accounts are refused and change nothing', async () => {
    const { a, b, user, email } = await sharedUser();
    const session = await login(db, { email, password, clientAddress: address() });
    const reset = createPasswordReset(db, noMailer, {
      workspaceId: a.workspace.id,
      userId: user.id,
      by: a.user.id,
    });
    await expect(reset).rejects.toThrow('sending e-mail is not configured');
    expect((await authenticate(db, session.token)).status).not.toBe('none');
    const other = await admin();
    await expect(
      inviteMember(db, noMailer, {
        workspaceId: other.workspace.id,
        email,
        role: 'admin',
        by: other.user.id,
      }),
    ).rejects.toThrow('sending e-mail is not configured');
    const audit = await listAudit(db, b.workspace.id, {
      month: helsinkiMonth(clock),
      action: 'member.reset',
    });
    expect(audit.items).toEqual([]);
  });

  it('a deactivated member cannot be reset', async () => {
    const { a, user } = await sharedUser();
    const { mail, messages } = outbox();
    const member = (await listMembers(db, a.workspace.id)).find((m) => m.userId === user.id);
    await updateMember(db, {
      workspaceId: a.workspace.id,
      userId: user.id,
      expectedVersion: member?.version ?? 0,
      active: false,
    });
    await expect(
      createPasswordReset(db, mail, { workspaceId: a.workspace.id, userId: user.id, by: a.user.id }),
    ).rejects.toThrow('deactivated');
    expect(messages()).toEqual([]);
  });

  it("a password A set through A's link does not open B's invitation: it goes by mail and needs the account's session", async () => {
    const a = await admin();
    const b = await admin();
    const { mail, tokenFor } = outbox();
    const victim = `uusi-${unique()}@example.invalid`;
    const shown = await inviteMember(db, mail, {
      workspaceId: a.workspace.id,
      email: victim,
      role: 'viewer',
      by: a.user.id,
    });
    if (shown.delivery !== 'link') throw new Error('a new address gets a link');
    const known = 'admin-a-tietää-tämän-salasanan';
    const made = await acceptInvite(db, { token: shown.token, name: 'Uhri', password: known });

    const invite = await inviteMember(db, mail, {
      workspaceId: b.workspace.id,
      email: victim,
      role: 'admin',
      by: b.user.id,
    });
    expect(invite.delivery).toBe('mail');
    expect('token' in invite).toBe(false);
    const token = tokenFor(victim, 'invite');
    // Neither the password A knows nor a session of A's own admin opens it.
    await expect(acceptInvite(db, { token, name: 'Uhri', password: known })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      acceptInvite(db, { token, name: 'Uhri', password: known, signedInAs: a.user.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await getUserAndMember(db, made.user.id, b.workspace.id)).member).toBeUndefined();
  });

  it('40 password guesses at an invitation for an existing account check no password at all', async () => {
    const first = await admin();
    const second = await admin();
    const { mail, tokenFor } = outbox();
    await inviteMember(db, mail, {
      workspaceId: second.workspace.id,
      email: first.email,
      role: 'admin',
      by: second.user.id,
    });
    const token = tokenFor(first.email, 'invite');
    for (let i = 0; i < 40; i++) {
      await expect(acceptInvite(db, { token, name: 'x', password: `guess-${i}-password` })).rejects.toThrow(
        'Sign in with it first',
      );
    }
    // The right password is no different: no answer says whether a guess was right.
    await expect(acceptInvite(db, { token, name: 'x', password })).rejects.toThrow('Sign in with it first');
    expect((await getUserAndMember(db, first.user.id, second.workspace.id)).member).toBeUndefined();
  });

  it('a setup link is refused once the workspace has an active admin, also a link issued before', async () => {
    const workspace = await freshWorkspace(db);
    const issued = await createSetupLink(db, workspace.id);
    await peekSetupLink(db, issued);
    await createAccount(db, {
      workspaceId: workspace.id,
      role: 'admin',
      name: 'Seeded Admin',
      email: `seeded-${unique()}@example.invalid`,
      password,
    });
    await expect(peekSetupLink(db, issued)).rejects.toThrow('already has an admin');
    await expect(
      completeSetup(db, { token: issued, name: 'Toka', email: `toka-${unique()}@example.invalid`, password }),
    ).rejects.toThrow('already has an admin');
    expect((await listMembers(db, workspace.id)).filter((m) => m.role === 'admin')).toHaveLength(1);
  });

  it('a setup link for an address with an account asks to sign in, never for its password', async () => {
    const other = await admin();
    const workspace = await freshWorkspace(db);
    const token = await createSetupLink(db, workspace.id);
    await expect(completeSetup(db, { token, name: 'x', email: other.email, password })).rejects.toThrow(
      'Sign in with it first',
    );
    const { member } = await completeSetup(db, {
      token,
      name: '',
      email: '',
      password: '',
      signedInAs: other.user.id,
    });
    expect(member).toEqual(
      expect.objectContaining({ workspaceId: workspace.id, userId: other.user.id, role: 'admin' }),
    );
  });
});

describe('the workspace name', () => {
  it('is renamed on the version the admin saw; an older version or a blank name changes nothing', async () => {
    const workspace = await freshWorkspace(db);
    await renameWorkspace(db, workspace.id, { name: 'Uusi nimi', expectedVersion: workspace.version });
    const renamed = await getWorkspace(db, workspace.id);
    expect([renamed.name, renamed.version]).toEqual(['Uusi nimi', workspace.version + 1]);
    await expect(
      renameWorkspace(db, workspace.id, { name: 'Vanha', expectedVersion: workspace.version }),
    ).rejects.toBeInstanceOf(ConflictError);
    const blank = await renameWorkspace(db, workspace.id, {
      name: ' ',
      expectedVersion: renamed.version,
    }).catch((e: unknown) => e);
    expect((blank as ValidationError).fields[0]?.message.fi).toBeTruthy();
    expect((await getWorkspace(db, workspace.id)).name).toBe('Uusi nimi');
  });
});

describe('my own account', () => {
  it('a new name shows in the member list of every workspace of the user', async () => {
    const { workspace, user } = await admin();
    const second = await freshWorkspace(db);
    await addMember(db, { workspaceId: second.id, userId: user.id, role: 'staff', name: user.name });
    const renamed = await renameOwnAccount(db, user.id, { name: '  Anna  Aalto ' });
    expect(renamed.name).toBe('Anna Aalto');
    for (const ws of [workspace.id, second.id]) {
      expect((await listMembers(db, ws)).find((m) => m.userId === user.id)?.name).toBe('Anna Aalto');
    }
    const blank = await renameOwnAccount(db, user.id, { name: ' ' }).catch((e: unknown) => e);
    expect((blank as ValidationError).fields.map((f) => f.field)).toEqual(['name']);
  });

  it('a password change checks the current one, is throttled, ends other sessions and sends a notice', async () => {
    const { user, email } = await admin();
    const other = await login(db, { email, password, clientAddress: address() });
    const { mail, messages } = outbox();
    const wrong = await changeOwnPassword(db, mail, {
      userId: user.id,
      currentPassword: 'ei-se-ollut-tämä-salasana',
      password: 'uusi-sininen-kettu-hyppää-7',
    }).catch((e: unknown) => e);
    expect((wrong as ValidationError).fields.map((f) => f.field)).toEqual(['currentPassword']);
    const weak = await changeOwnPassword(db, mail, {
      userId: user.id,
      currentPassword: password,
      password: 'salasana1234',
    }).catch((e: unknown) => e);
    expect((weak as ValidationError).fields.map((f) => f.field)).toEqual(['password']);
    expect((await authenticate(db, other.token)).status).toBe('member');

    const { user: changed, noticeSent } = await changeOwnPassword(db, mail, {
      userId: user.id,
      currentPassword: password,
      password: 'uusi-sininen-kettu-hyppää-7',
    });
    expect(noticeSent).toBe(true);
    expect(messages().at(-1)).toContain(`To: ${email}`);
    expect(changed.sessionEpoch).toBe(user.sessionEpoch + 1);
    expect((await authenticate(db, other.token)).status).toBe('none');
    await expect(
      login(db, { email, password: 'uusi-sininen-kettu-hyppää-7', clientAddress: address() }),
    ).resolves.toMatchObject({ user: { id: user.id } });

    // Guessing the current password is counted before the check: the sixth try in a window is refused.
    for (let i = 0; i < passwordChangeLimit.limit - 1; i++) {
      await changeOwnPassword(db, noMailer, {
        userId: user.id,
        currentPassword: `arvaus-numero-${i}-väärin`,
        password: 'kolmas-vihreä-kettu-juoksee-9',
      }).catch(() => undefined);
    }
    await expect(
      changeOwnPassword(db, noMailer, {
        userId: user.id,
        currentPassword: 'uusi-sininen-kettu-hyppää-7',
        password: 'kolmas-vihreä-kettu-juoksee-9',
      }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});

describe('pending invitations', () => {
  it('are listed for the admin, one live link per address; resend and revoke void the old link, accepting clears it', async () => {
    const { workspace, user } = await admin();
    const other = await admin();
    const email = `kutsuttu-${unique()}@example.invalid`;
    const first = await inviteMember(db, noMailer, {
      workspaceId: workspace.id,
      email,
      role: 'staff',
      by: user.id,
    });
    if (first.delivery !== 'link') throw new Error('a new address gets a link');
    const listed = await listPendingInvitations(db, workspace.id);
    expect(listed.map((i) => [i.email, i.role])).toEqual([[email, 'staff']]);
    expect(JSON.stringify(listed)).not.toContain(first.token);

    // Another workspace's admin cannot touch it.
    await expect(
      revokePendingInvitation(db, {
        workspaceId: other.workspace.id,
        invitation: listed[0]?.tokenHash,
        by: other.user.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const resent = await resendInvitation(db, noMailer, {
      workspaceId: workspace.id,
      invitation: listed[0]?.tokenHash,
      by: user.id,
    });
    if (resent.delivery !== 'link') throw new Error('a new address gets a link');
    await expect(peekInvitation(db, first.token)).rejects.toBeInstanceOf(NotFoundError);
    const afterResend = await listPendingInvitations(db, workspace.id);
    expect(afterResend).toHaveLength(1);

    await revokePendingInvitation(db, {
      workspaceId: workspace.id,
      invitation: afterResend[0]?.tokenHash,
      by: user.id,
    });
    await expect(peekInvitation(db, resent.token)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPendingInvitations(db, workspace.id)).toEqual([]);

    const again = await inviteMember(db, noMailer, {
      workspaceId: workspace.id,
      email,
      role: 'viewer',
      by: user.id,
    });
    if (again.delivery !== 'link') throw new Error('a new address gets a link');
    await acceptInvite(db, { token: again.token, name: 'Kalle Kutsuttu', password });
    expect(await listPendingInvitations(db, workspace.id)).toEqual([]);
  });
});
