// Account flows: log in, set up a workspace's first admin, invite, join, reset a password.
// Each validates its input first, then writes facts in an order a retry can finish.
import { z } from 'zod';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { newId, staffIdSchema, workspaceIdSchema } from '../ids';
import { parseInput } from '../validation';
import { checkDeviceToken, issueDeviceToken } from './device-token';
import { hashPassword, passwordHashing, verifyAgainstNothing, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { createSession, defaultSessionPolicy, type Session, type SessionPolicy } from './session.store';
import { consumeAttempts, loginLimits, type LoginLimits, type ThrottleRule } from './throttle.store';
import { createOneTimeToken, peekOneTimeToken, useOneTimeToken, type OneTimeToken } from './token.store';
import {
  emailSchema,
  passwordFieldSchema,
  roleSchema,
  userNameSchema,
  type Role,
  type User,
} from './user.schema';
import {
  addMember,
  createUser,
  endAllSessions,
  findUserByEmail,
  getMember,
  getUser,
  listUserWorkspaces,
  setUserPassword,
} from './user.store';
import type { WorkspaceMember } from './user.schema';
import { getWorkspace } from '../workspace/workspace.store';

const loginSchema = z.object({ email: emailSchema, password: passwordFieldSchema });

export const invalidCredentials = new ValidationError([], {
  fi: 'Sähköpostiosoite tai salasana on väärin.',
  en: 'The e-mail address or the password is wrong.',
});

const noWorkspace = new ForbiddenError({
  fi: 'Tunnuksellasi ei ole enää pääsyä yhteenkään työtilaan. Ota yhteyttä ylläpitäjään.',
  en: 'Your account no longer has access to any workspace. Please contact an admin.',
});

export interface LoginResult {
  token: string;
  session: Session;
  user: User;
  workspaces: WorkspaceMember[];
  /** A device token for this browser (see device-token.ts): the route keeps it in a cookie. */
  device: string;
}

/**
 * Checks the password, counted before the check (throttle.store.ts): per account and per client
 * address across accounts, or, for a browser that carries the account's device token, per account
 * and device only (strangers' guesses cannot lock its owner out). A successful login gives its own
 * attempt back, so only failures count. A failure for a known account is recorded in the audit
 * log of each of its workspaces (ids only). Fails with ValidationError (wrong e-mail or password,
 * the same for both), TooManyRequestsError (throttled, or the hashing queue full: nothing was
 * checked), ForbiddenError (no workspace left).
 */
export async function login(
  db: Db,
  input: { email: unknown; password: unknown; clientAddress: string; device?: string | undefined },
  policy: SessionPolicy = defaultSessionPolicy,
  limits: LoginLimits = loginLimits,
): Promise<LoginResult> {
  const { email, password } = parseInput(loginSchema, { email: input.email, password: input.password });
  passwordHashing.assertRoom(); // a busy server refuses at once, before any read or count
  const user = await findUserByEmail(db, email);
  // Without an account no device token can be valid: the same counters as for an unknown client.
  const deviceId = user ? checkDeviceToken(db.cursorSecret, user, input.device, db.now()) : undefined;
  const rules: ThrottleRule[] = deviceId
    ? [{ kind: 'account-device', value: `${email}:${deviceId}`, ...limits.perAccountDevice }]
    : [
        { kind: 'account', value: email, ...limits.perAccount },
        { kind: 'address', value: input.clientAddress, ...limits.perAddress },
      ];
  const attempt = await consumeAttempts(db, rules);
  let valid: boolean;
  try {
    valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  } catch (caught) {
    await attempt.refund(); // the hashing queue was full: nothing was checked
    throw caught;
  }
  if (!user || !valid) {
    if (user) {
      for (const member of await listUserWorkspaces(db, user.id)) {
        await recordAudit(db, member.workspaceId, {
          actorId: user.id,
          action: 'login.failed',
          entityType: 'user',
          entityId: user.id,
        });
      }
    }
    throw invalidCredentials;
  }
  await attempt.refund();
  const workspaces = await listUserWorkspaces(db, user.id);
  if (workspaces.length === 0) throw noWorkspace;
  const only = workspaces.length === 1 ? workspaces[0]?.workspaceId : undefined;
  const { token, session } = await createSession(
    db,
    { userId: user.id, epoch: user.sessionEpoch, workspaceId: only },
    policy,
  );
  for (const member of workspaces) {
    await recordAudit(db, member.workspaceId, {
      actorId: user.id,
      action: 'login',
      entityType: 'user',
      entityId: user.id,
    });
  }
  const device = issueDeviceToken(db.cursorSecret, user, db.now(), deviceId);
  return { token, session, user, workspaces, device };
}

/** A new password's own rules, as a field error on `field`. */
function checkNewPassword(password: string, related: readonly string[], field = 'password'): void {
  const problem = passwordProblem(password, related);
  if (problem) {
    throw new ValidationError([{ field, message: messageFor(problem) }]);
  }
}

function messageFor(problem: 'tooShort' | 'tooLong' | 'weak') {
  return {
    tooShort: {
      fi: 'Salasanassa pitää olla vähintään 12 merkkiä.',
      en: 'The password needs at least 12 characters.',
    },
    tooLong: {
      fi: 'Salasana on liian pitkä (enintään 256 merkkiä).',
      en: 'The password is too long (at most 256 characters).',
    },
    weak: {
      fi: 'Salasana on liian helppo arvata. Käytä esimerkiksi neljää satunnaista sanaa.',
      en: 'The password is too easy to guess. Try, for example, four random words.',
    },
  }[problem];
}

const newAccountSchema = z.object({
  name: userNameSchema,
  email: emailSchema,
  password: passwordFieldSchema,
});

type JoinPlan =
  | { kind: 'existing'; user: User }
  | { kind: 'new'; userId: string; name: string; email: string; passwordHash: string };

/**
 * Checks everything a join needs before anything is written (or a one-time link is used up):
 * an existing account proves its password, a new one passes the password rules.
 */
async function planJoin(
  db: Db,
  input: { name: unknown; email: unknown; password: unknown; userId?: string | undefined },
): Promise<JoinPlan> {
  const existing = typeof input.email === 'string' ? await findUserByEmail(db, input.email) : undefined;
  if (existing) {
    const { password } = parseInput(z.object({ password: passwordFieldSchema }), {
      password: input.password,
    });
    if (!(await verifyPassword(password, existing.passwordHash))) {
      throw new ValidationError([
        {
          field: 'password',
          message: {
            fi: 'Tällä sähköpostiosoitteella on jo tunnus: kirjoita sen nykyinen salasana.',
            en: 'This e-mail address already has an account: type its current password.',
          },
        },
      ]);
    }
    return { kind: 'existing', user: existing };
  }
  const parsed = parseInput(newAccountSchema, {
    name: input.name,
    email: input.email,
    password: input.password,
  });
  checkNewPassword(parsed.password, [parsed.email, parsed.name]);
  const userId = input.userId
    ? parseInput(z.object({ id: staffIdSchema }), { id: input.userId }).id
    : newId();
  return {
    kind: 'new',
    userId,
    name: parsed.name,
    email: parsed.email,
    passwordHash: await hashPassword(parsed.password),
  };
}

async function applyJoin(
  db: Db,
  plan: JoinPlan,
  workspaceId: string,
  role: Role,
): Promise<{ user: User; member: WorkspaceMember; created: boolean }> {
  const user =
    plan.kind === 'existing'
      ? plan.user
      : await createUser(db, {
          id: plan.userId,
          email: plan.email,
          name: plan.name,
          passwordHash: plan.passwordHash,
        });
  const member = await addMember(db, { workspaceId, userId: user.id, role, name: user.name });
  return { user, member, created: plan.kind === 'new' };
}

/** A link that lets the first admin of a workspace set up their account (printed by the server). */
export async function createSetupLink(db: Db, workspaceId: string): Promise<string> {
  const { token } = await createOneTimeToken(db, {
    purpose: 'setup',
    workspaceId,
    role: 'admin',
    createdBy: 'system',
  });
  return token;
}

export async function completeSetup(
  db: Db,
  input: { token: unknown; name: unknown; email: unknown; password: unknown },
): Promise<{ user: User; member: WorkspaceMember; record: OneTimeToken }> {
  await peekOneTimeToken(db, input.token, 'setup');
  const plan = await planJoin(db, input);
  const record = await useOneTimeToken(db, input.token, 'setup');
  const joined = await applyJoin(db, plan, record.workspaceId, 'admin');
  await recordAudit(db, record.workspaceId, {
    actorId: joined.user.id,
    action: 'workspace.setup',
    entityType: 'workspace',
    entityId: record.workspaceId,
  });
  return { ...joined, record };
}

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export async function inviteMember(
  db: Db,
  input: { workspaceId: string; email: unknown; role: unknown; by: string },
): Promise<{ token: string; record: OneTimeToken }> {
  const parsed = parseInput(inviteSchema, { email: input.email, role: input.role });
  const existing = await findUserByEmail(db, parsed.email);
  if (existing && (await getMember(db, input.workspaceId, existing.id))?.active) {
    throw new ConflictError({
      fi: 'Henkilö on jo tämän työtilan käyttäjä.',
      en: 'This person is already a member of the workspace.',
    });
  }
  const invite = await createOneTimeToken(db, {
    purpose: 'invite',
    workspaceId: input.workspaceId,
    email: parsed.email,
    role: parsed.role,
    createdBy: input.by,
  });
  await recordAudit(db, input.workspaceId, { actorId: input.by, action: 'member.invite' });
  return invite;
}

export async function acceptInvite(
  db: Db,
  input: { token: unknown; name: unknown; password: unknown },
): Promise<{ user: User; member: WorkspaceMember }> {
  const invite = await peekOneTimeToken(db, input.token, 'invite');
  const plan = await planJoin(db, { email: invite.email, name: input.name, password: input.password });
  const record = await useOneTimeToken(db, input.token, 'invite');
  const joined = await applyJoin(db, plan, record.workspaceId, record.role ?? 'viewer');
  await recordAudit(db, record.workspaceId, {
    actorId: joined.user.id,
    action: 'member.join',
    entityType: 'user',
    entityId: joined.user.id,
  });
  return joined;
}

/** An admin's "reset access": the user's sessions end at once and a one-time link sets a new password. */
export async function createPasswordReset(
  db: Db,
  input: { workspaceId: string; userId: string; by: string },
): Promise<string> {
  const member = await getMember(db, input.workspaceId, input.userId);
  if (!member) throw new ForbiddenError();
  await endAllSessions(db, input.userId);
  const { token } = await createOneTimeToken(db, {
    purpose: 'reset',
    workspaceId: input.workspaceId,
    userId: input.userId,
    createdBy: input.by,
  });
  await recordAudit(db, input.workspaceId, {
    actorId: input.by,
    action: 'member.reset',
    entityType: 'user',
    entityId: input.userId,
  });
  return token;
}

export async function resetPassword(db: Db, input: { token: unknown; password: unknown }): Promise<User> {
  const { password } = parseInput(z.object({ password: passwordFieldSchema }), { password: input.password });
  const pending = await peekOneTimeToken(db, input.token, 'reset');
  const user = pending.userId ? await getUser(db, pending.userId) : undefined;
  if (!user) throw new ForbiddenError();
  checkNewPassword(password, [user.email, user.name]);
  const record = await useOneTimeToken(db, input.token, 'reset');
  await setUserPassword(db, user.id, await hashPassword(password));
  await recordAudit(db, record.workspaceId, {
    actorId: user.id,
    action: 'password.reset',
    entityType: 'user',
    entityId: user.id,
  });
  return user;
}

/** For the command line and the demo seed: an account with a known password, no link needed. */
export async function createAccount(
  db: Db,
  input: { workspaceId: string; role: Role; name: string; email: string; password: string; userId?: string },
): Promise<{ user: User; member: WorkspaceMember; created: boolean }> {
  parseInput(z.object({ workspaceId: workspaceIdSchema }), { workspaceId: input.workspaceId });
  await getWorkspace(db, input.workspaceId);
  return applyJoin(db, await planJoin(db, input), input.workspaceId, input.role);
}
