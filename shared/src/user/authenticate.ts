// Who is making a request: the session behind a cookie token, checked against the user's
// session epoch (logout everywhere, password reset) and the membership in the session's workspace
// (role, deactivation). Called once per request by the web app.
import type { Db } from '../db/client';
import { findSession, type Session, type SessionPolicy } from './session.store';
import type { User, WorkspaceMember } from './user.schema';
import { getUser, getUserAndMember } from './user.store';

export type Authentication =
  | { status: 'none' }
  /** Logged in, but no workspace chosen yet (a user of several workspaces). */
  | { status: 'choose-workspace'; session: Session; user: User }
  | { status: 'member'; session: Session; user: User; member: WorkspaceMember };

export async function authenticate(
  db: Db,
  token: string | undefined,
  policy?: SessionPolicy,
): Promise<Authentication> {
  if (!token) return { status: 'none' };
  const session = await findSession(db, token, policy);
  if (!session) return { status: 'none' };
  if (!session.workspaceId) {
    const user = await getUser(db, session.userId);
    if (!user || user.sessionEpoch !== session.epoch) return { status: 'none' };
    return { status: 'choose-workspace', session, user };
  }
  const { user, member } = await getUserAndMember(db, session.userId, session.workspaceId);
  if (!user || user.sessionEpoch !== session.epoch) return { status: 'none' };
  if (!member?.active) return { status: 'choose-workspace', session, user };
  return { status: 'member', session, user, member };
}
