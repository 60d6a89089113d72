// Accounts: a user (global, found by e-mail before any workspace is known) and the user's
// membership in a workspace with a role. Sessions and one-time tokens live in session.store.ts.
import { z } from 'zod';
import { staffIdSchema, workspaceIdSchema } from '../ids';
import { tidyName } from '../text/finnish-collation';
import { PASSWORD_MAX_LENGTH } from './password-policy';

export const USER_SCHEMA_VERSION = 1;
export const MEMBER_SCHEMA_VERSION = 1;

export const roles = ['admin', 'staff', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { message: 'msg:role.invalid' });

/** A role from a form: an unknown value is a field error, not a server error. */
export const roleFieldSchema = z.object({ role: roleSchema });

const roleRank: Record<Role, number> = { viewer: 1, staff: 2, admin: 3 };

/** Whether `role` may do what needs at least `needed` (admin ⊃ staff ⊃ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return roleRank[role] >= roleRank[needed];
}

/** E-mail addresses are compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ message: 'msg:email.invalid' })
  .transform(normaliseEmail)
  .pipe(z.email({ message: 'msg:email.invalid' }).max(200, { message: 'msg:email.invalid' }));

export const userNameSchema = z
  .string({ message: 'msg:name.required' })
  .transform(tidyName)
  .pipe(z.string().min(1, { message: 'msg:name.required' }).max(100, { message: 'msg:name.tooLong' }));

export const passwordFieldSchema = z
  .string({ message: 'msg:password.required' })
  .min(1, { message: 'msg:password.required' })
  .max(PASSWORD_MAX_LENGTH, { message: 'msg:password.tooLong' });

export interface User {
  sv: number;
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** Raised by "log out everywhere" and password resets: older sessions stop working. */
  sessionEpoch: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether a credential-like token made at `epoch` (a session, a reset link, and any later kind
 * such as a calendar feed: each must store the epoch at issue and check it here) still counts:
 * "log out everywhere" and every password reset raise the user's epoch and so void them all.
 */
export function holdsCurrentEpoch(user: Pick<User, 'sessionEpoch'>, epoch: number | undefined): boolean {
  return epoch !== undefined && epoch === user.sessionEpoch;
}

export const memberInputSchema = z.object({
  workspaceId: workspaceIdSchema,
  userId: staffIdSchema,
  role: roleSchema,
});

export interface WorkspaceMember {
  sv: number;
  workspaceId: string;
  userId: string;
  role: Role;
  /** A deactivated member can no longer use the workspace; their history stays. */
  active: boolean;
  /** The user's name, copied so lists need no further reads (kept in step on rename). */
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
