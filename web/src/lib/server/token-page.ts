// Shared wiring of the one-time link pages (setup, invitation, password reset).
import { redirect } from '@sveltejs/kit';
import { createSession } from '@kohtaamo/shared/user/session.store';
import type { User } from '@kohtaamo/shared/user/user.schema';
import { serverContext } from './context.ts';
import { sessionPolicy, setSessionCookie } from './session.ts';
import type { Cookies } from '@sveltejs/kit';

/** The user of the request's session, if any (also one who has not chosen a workspace yet). */
export function signedInUser(locals: App.Locals): User | undefined {
  return locals.auth.status === 'none' ? undefined : locals.auth.user;
}

/** Signs the new member in (a fresh session in the workspace) and goes to the front page. */
export async function signInAndGo(
  cookies: Cookies,
  url: URL,
  user: User,
  workspaceId: string,
): Promise<never> {
  const { config, db } = serverContext();
  const policy = sessionPolicy(config);
  const { token } = await createSession(
    db,
    { userId: user.id, epoch: user.sessionEpoch, workspaceId },
    policy,
  );
  setSessionCookie(cookies, url, token, policy);
  redirect(303, '/');
}
