// Account flows: log in, set up a workspace's first admin, invite, join, reset a password.
// Each validates its input first, then writes facts in an order a retry can finish.
// Credentials of an existing account never pass through an admin: an admin is shown a link only
// for an address that has no account yet; invitations and resets of existing accounts go to the
// account's own address (the Mailer port), and joining with an existing account needs a session
// of that account, never its password (so no page but login ever checks a password).
import { localised } from '../i18n/messages';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { MailRejectedError, type Mailer } from '../reminders/mailer';
import type { MailMessage } from '../reminders/reminder-digest';
import { renderInviteMail, renderPasswordChangedMail, renderResetMail } from './account-mail';
import { newId, staffIdSchema, workspaceIdSchema } from '../ids';
import { parseInput } from '../validation';
import { checkDeviceToken, issueDeviceToken } from './device-token';
import {
  getPendingInvitation,
  listPendingInvitations,
  recordInvitation,
  removeInvitation,
  revokeInvitation,
} from './invitations';
import { hashPassword, passwordHashing, verifyAgainstNothing, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import {
  createSession,
  defaultSessionPolicy,
  tokenHash,
  type Session,
  type SessionPolicy,
} from './session.store';
import { consumeAttempts, loginLimits, type LoginLimits, type ThrottleRule } from './throttle.store';
import {
  createOneTimeToken,
  peekOneTimeToken,
  tokenNotValid,
  useOneTimeToken,
  type OneTimeToken,
} from './token.store';
import {
  emailSchema,
  passwordFieldSchema,
  roleSchema,
  holdsCurrentEpoch,
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
  listMembers,
  listUserWorkspaces,
  setUserPassword,
} from './user.store';
import type { WorkspaceMember } from './user.schema';
import { getWorkspace, renameWorkspace, workspaceNameSchema } from '../workspace/workspace.store';

const loginSchema = z.object({ email: emailSchema, password: passwordFieldSchema });

export const invalidCredentials = new ValidationError([], localised('accounts.theEMailAddressOr'));

const noWorkspace = new ForbiddenError(localised('accounts.yourAccountNoLongerHas'));

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

/** A new password's own rules, as a field error on `field` (a ValidationError). */
export async function checkNewPassword(
  password: string,
  related: readonly string[],
  field = 'password',
): Promise<void> {
  const problem = await passwordProblem(password, related);
  if (problem) {
    throw new ValidationError([{ field, message: messageFor(problem) }]);
  }
}

function messageFor(problem: 'tooShort' | 'tooLong' | 'weak') {
  return {
    tooShort: localised('accounts.thePasswordNeedsAtLeast'),
    tooLong: localised('accounts.thePasswordIsTooLong'),
    weak: localised('accounts.thePasswordIsTooEasy'),
  }[problem];
}

const newAccountSchema = z.object({
  name: userNameSchema,
  email: emailSchema,
  password: passwordFieldSchema,
});

/** How the account flows reach people: the configured mailer (none: mail-only flows refuse). */
export interface AccountMail {
  mailer: Mailer | undefined;
  /** The site's origin, for the links in the messages. */
  siteUrl: string;
}

export const mailerMissing = new ValidationError([], localised('accounts.thisAddressAlreadyHasA'));

const mailNotSent = new ValidationError([], localised('accounts.theEMailCouldNot'));

/** Sends one message of a flow; a mailer that refused becomes a message on the form. */
async function sendAccountMail(mailer: Mailer, message: MailMessage): Promise<void> {
  try {
    await mailer.send(message);
  } catch (error) {
    if (error instanceof MailRejectedError) throw mailNotSent;
    throw error;
  }
}

function requireMailer(mail: AccountMail): Mailer {
  if (!mail.mailer) throw mailerMissing;
  return mail.mailer;
}

function linkTo(mail: AccountMail, path: string): string {
  return new URL(path, mail.siteUrl).href;
}

interface NewAccountPlan {
  userId: string;
  name: string;
  email: string;
  passwordHash: string;
}

/** A new account's fields and password rules, checked before anything is written. */
async function planNewAccount(input: {
  name: unknown;
  email: unknown;
  password: unknown;
  userId?: string | undefined;
}): Promise<NewAccountPlan> {
  const parsed = parseInput(newAccountSchema, {
    name: input.name,
    email: input.email,
    password: input.password,
  });
  await checkNewPassword(parsed.password, [parsed.email, parsed.name]);
  const userId = input.userId
    ? parseInput(z.object({ id: staffIdSchema }), { id: input.userId }).id
    : newId();
  return {
    userId,
    name: parsed.name,
    email: parsed.email,
    passwordHash: await hashPassword(parsed.password),
  };
}

type JoinPlan = { kind: 'existing'; user: User } | ({ kind: 'new' } & NewAccountPlan);

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

export const setupNotNeeded = new NotFoundError(localised('accounts.thisWorkspaceAlreadyHasAn'));

/** Whether the workspace has an active admin (then no setup link works any more). */
export async function hasActiveAdmin(db: Db, workspaceId: string): Promise<boolean> {
  return (await listMembers(db, workspaceId)).some((m) => m.role === 'admin' && m.active);
}

/**
 * The setup link's record while it can still be used: unknown, used, expired (NotFoundError) or
 * refused because the workspace already has an active admin (`setupNotNeeded`), which also
 * covers links issued before the admin was made.
 */
export async function peekSetupLink(db: Db, token: unknown): Promise<OneTimeToken> {
  const record = await peekOneTimeToken(db, token, 'setup');
  if (await hasActiveAdmin(db, record.workspaceId)) throw setupNotNeeded;
  return record;
}

const signInFirst = (email: string) =>
  new ValidationError([], localised('accounts.theAddressAlreadyHasA', { email }));

/**
 * Makes the first admin with a setup link: the signed-in user (`signedInAs`), or a new account
 * from the form. An address that already has an account is refused (sign in first): the page never
 * checks a password. Fails with `setupNotNeeded` when an active admin exists.
 */
export async function completeSetup(
  db: Db,
  input: {
    token: unknown;
    name: unknown;
    email: unknown;
    password: unknown;
    signedInAs?: string | undefined;
    /** The centre's name, shown in sentences and e-mails (the workspace id never is). */
    workspaceName?: unknown;
  },
): Promise<{ user: User; member: WorkspaceMember; record: OneTimeToken }> {
  await peekSetupLink(db, input.token);
  // Checked before the link is used up, so a bad name changes nothing.
  const workspaceName =
    input.workspaceName === undefined
      ? undefined
      : parseInput(z.object({ workspaceName: workspaceNameSchema.shape.name }), {
          workspaceName: input.workspaceName,
        }).workspaceName;
  let plan: JoinPlan;
  const signedIn = input.signedInAs ? await getUser(db, input.signedInAs) : undefined;
  if (signedIn) {
    plan = { kind: 'existing', user: signedIn };
  } else {
    const { email } = parseInput(z.object({ email: emailSchema }), { email: input.email });
    if (await findUserByEmail(db, email)) throw signInFirst(email);
    plan = { kind: 'new', ...(await planNewAccount(input)) };
  }
  const record = await useOneTimeToken(db, input.token, 'setup');
  const joined = await applyJoin(db, plan, record.workspaceId, 'admin');
  if (workspaceName !== undefined) await renameWorkspace(db, record.workspaceId, { name: workspaceName });
  await recordAudit(db, record.workspaceId, {
    actorId: joined.user.id,
    action: 'workspace.setup',
    entityType: 'workspace',
    entityId: record.workspaceId,
  });
  return { ...joined, record };
}

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export type InviteResult =
  /** A new address: the admin is shown the link and passes it on. */
  | { delivery: 'link'; token: string; record: OneTimeToken }
  /** An existing account: the link went to its own address only. */
  | { delivery: 'mail'; record: OneTimeToken };

/**
 * Invites an address with a role. For an address without an account the admin gets the link; for
 * an existing account the link is mailed to it, and refused (`mailerMissing`) without a mailer.
 * An active member already in the workspace is a ConflictError.
 */
export async function inviteMember(
  db: Db,
  mail: AccountMail,
  input: { workspaceId: string; email: unknown; role: unknown; by: string },
): Promise<InviteResult> {
  const parsed = parseInput(inviteSchema, { email: input.email, role: input.role });
  const existing = await findUserByEmail(db, parsed.email);
  if (existing && (await getMember(db, input.workspaceId, existing.id))?.active) {
    throw new ConflictError(localised('accounts.thisPersonIsAlreadyA'));
  }
  const mailer = existing ? requireMailer(mail) : undefined;
  // One live invitation per address: an earlier one's link stops working.
  for (const earlier of await listPendingInvitations(db, input.workspaceId)) {
    if (earlier.email === parsed.email) await revokeInvitation(db, earlier);
  }
  const invite = await createOneTimeToken(db, {
    purpose: 'invite',
    workspaceId: input.workspaceId,
    email: parsed.email,
    role: parsed.role,
    createdBy: input.by,
  });
  await recordInvitation(db, tokenHash(invite.token), invite.record);
  await recordAudit(db, input.workspaceId, { actorId: input.by, action: 'member.invite' });
  if (!mailer) return { delivery: 'link', ...invite };
  const workspace = await getWorkspace(db, input.workspaceId);
  await sendAccountMail(
    mailer,
    renderInviteMail({
      to: parsed.email,
      workspaceName: workspace.name,
      role: parsed.role,
      link: linkTo(mail, `/invite/${invite.token}`),
      expiresAt: new Date(invite.record.expiresAt),
    }),
  );
  return { delivery: 'mail', record: invite.record };
}

/**
 * What an invitation page offers: a new account (`new`), joining as the signed-in account the
 * invitation is for (`join`), signing in first (`sign-in`), or signing in as another account
 * (`wrong-account`). Pure.
 */
export function invitationMode(
  invitedUserId: string | undefined,
  signedInUserId: string | undefined,
): 'new' | 'join' | 'sign-in' | 'wrong-account' {
  if (!invitedUserId) return 'new';
  if (!signedInUserId) return 'sign-in';
  return signedInUserId === invitedUserId ? 'join' : 'wrong-account';
}

/** The invitation behind a token with the account it is for, for showing its page. */
export async function peekInvitation(
  db: Db,
  token: unknown,
): Promise<{ record: OneTimeToken; invitedUserId: string | undefined }> {
  const record = await peekOneTimeToken(db, token, 'invite');
  const invited = record.email ? await findUserByEmail(db, record.email) : undefined;
  return { record, invitedUserId: invited?.id };
}

/**
 * Accepts an invitation. An address with an account joins only while signed in as it
 * (`signedInAs`; else a ValidationError saying to sign in first); a new address gets a new
 * account from the form (name, new password). Fails with NotFoundError when used or expired.
 */
export async function acceptInvite(
  db: Db,
  input: { token: unknown; name: unknown; password: unknown; signedInAs?: string | undefined },
): Promise<{ user: User; member: WorkspaceMember }> {
  const invite = await peekOneTimeToken(db, input.token, 'invite');
  const email = invite.email ?? '';
  const existing = await findUserByEmail(db, email);
  let plan: JoinPlan;
  if (existing) {
    if (input.signedInAs !== existing.id) throw signInFirst(email);
    plan = { kind: 'existing', user: existing };
  } else {
    plan = { kind: 'new', ...(await planNewAccount({ email, name: input.name, password: input.password })) };
  }
  const record = await useOneTimeToken(db, input.token, 'invite');
  const joined = await applyJoin(db, plan, record.workspaceId, record.role ?? 'viewer');
  await removeInvitation(db, record.workspaceId, tokenHash(String(input.token)));
  await recordAudit(db, record.workspaceId, {
    actorId: joined.user.id,
    action: 'member.join',
    entityType: 'user',
    entityId: joined.user.id,
  });
  return joined;
}

/**
 * Sends a pending invitation again: a new link (by e-mail to an existing account, else shown to
 * the admin) and the old one stops working. Fails with NotFoundError when it is no longer pending.
 */
export async function resendInvitation(
  db: Db,
  mail: AccountMail,
  input: { workspaceId: string; invitation: unknown; by: string },
): Promise<InviteResult> {
  const pending = await getPendingInvitation(db, input.workspaceId, input.invitation);
  return inviteMember(db, mail, {
    workspaceId: input.workspaceId,
    email: pending.email,
    role: pending.role,
    by: input.by,
  });
}

/** Revokes a pending invitation of the workspace: its link stops working at once. */
export async function revokePendingInvitation(
  db: Db,
  input: { workspaceId: string; invitation: unknown; by: string },
): Promise<void> {
  const pending = await getPendingInvitation(db, input.workspaceId, input.invitation);
  await revokeInvitation(db, pending);
  await recordAudit(db, input.workspaceId, { actorId: input.by, action: 'member.inviteRevoke' });
}

export const deactivatedNoReset = new ValidationError([], localised('accounts.aDeactivatedMemberSAccess'));

/** Audits one entry about the user in every workspace the user is an active member of (and `also`). */
async function auditEverywhere(
  db: Db,
  userId: string,
  entry: { actorId: string; action: 'member.reset' | 'password.reset' },
  also?: string,
): Promise<void> {
  const workspaces = new Set((await listUserWorkspaces(db, userId)).map((m) => m.workspaceId));
  if (also) workspaces.add(also);
  for (const workspaceId of workspaces) {
    await recordAudit(db, workspaceId, { ...entry, entityType: 'user', entityId: userId });
  }
}

/**
 * An admin's "reset access" for an active member of their workspace: every session of the user
 * ends at once (the user's epoch rises, which also voids every earlier reset link and any other
 * epoch-bound credential), a one-time link goes to the user's own address, and the reset is
 * audited in every workspace the user belongs to. The admin never sees the link. Fails with
 * ForbiddenError (not a member), `deactivatedNoReset`, or `mailerMissing` (nothing changed then).
 */
export async function createPasswordReset(
  db: Db,
  mail: AccountMail,
  input: { workspaceId: string; userId: string; by: string },
): Promise<{ sentTo: string }> {
  const member = await getMember(db, input.workspaceId, input.userId);
  const user = member ? await getUser(db, input.userId) : undefined;
  if (!member || !user) throw new ForbiddenError();
  if (!member.active) throw deactivatedNoReset;
  const mailer = requireMailer(mail);
  await endAllSessions(db, input.userId);
  const epoch = (await getUser(db, input.userId))?.sessionEpoch ?? user.sessionEpoch + 1;
  const { token } = await createOneTimeToken(db, {
    purpose: 'reset',
    workspaceId: input.workspaceId,
    userId: input.userId,
    epoch,
    createdBy: input.by,
  });
  await auditEverywhere(db, input.userId, { actorId: input.by, action: 'member.reset' }, input.workspaceId);
  const workspace = await getWorkspace(db, input.workspaceId);
  await sendAccountMail(
    mailer,
    renderResetMail({ to: user.email, workspaceName: workspace.name, link: linkTo(mail, `/reset/${token}`) }),
  );
  return { sentTo: user.email };
}

/** A reset link that can still be used: also void when the user's epoch moved on since it was made. */
export async function peekResetLink(db: Db, token: unknown): Promise<{ record: OneTimeToken; user: User }> {
  const record = await peekOneTimeToken(db, token, 'reset');
  const user = record.userId ? await getUser(db, record.userId) : undefined;
  if (!user || !holdsCurrentEpoch(user, record.epoch)) throw tokenNotValid;
  return { record, user };
}

/**
 * Sets a new password with a reset link: every session and epoch-bound credential of the user ends,
 * the change is audited in every workspace of the user, and the user gets a notice by e-mail
 * (when a mailer is configured; `noticeSent` says whether it went). Fails with NotFoundError
 * for a used, expired or superseded link, ValidationError for a weak password.
 */
export async function resetPassword(
  db: Db,
  mail: AccountMail,
  input: { token: unknown; password: unknown },
): Promise<{ user: User; noticeSent: boolean }> {
  const { password } = parseInput(z.object({ password: passwordFieldSchema }), { password: input.password });
  const { user } = await peekResetLink(db, input.token);
  await checkNewPassword(password, [user.email, user.name]);
  const record = await useOneTimeToken(db, input.token, 'reset');
  await setUserPassword(db, user.id, await hashPassword(password));
  await auditEverywhere(db, user.id, { actorId: user.id, action: 'password.reset' }, record.workspaceId);
  if (!mail.mailer) return { user, noticeSent: false };
  try {
    await mail.mailer.send(renderPasswordChangedMail({ to: user.email, at: db.now() }));
    return { user, noticeSent: true };
  } catch {
    // The password is set either way; the notice is a courtesy that must not undo it.
    return { user, noticeSent: false };
  }
}

/**
 * For the command line and the demo seed (run by whoever holds the data): a new account with the
 * given password, or an existing account (whose password stays as it is, never checked) made a
 * member with the role.
 */
export async function createAccount(
  db: Db,
  input: { workspaceId: string; role: Role; name: string; email: string; password: string; userId?: string },
): Promise<{ user: User; member: WorkspaceMember; created: boolean }> {
  parseInput(z.object({ workspaceId: workspaceIdSchema }), { workspaceId: input.workspaceId });
  await getWorkspace(db, input.workspaceId);
  const existing = await findUserByEmail(db, input.email);
  const plan: JoinPlan = existing
    ? { kind: 'existing', user: existing }
    : { kind: 'new', ...(await planNewAccount(input)) };
  return applyJoin(db, plan, input.workspaceId, input.role);
}
