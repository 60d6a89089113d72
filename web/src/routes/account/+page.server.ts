// The signed-in user's own account: who they are, log out, log out everywhere.
import { redirect } from '@sveltejs/kit';
import { recordAudit } from '@kohtaamo/shared/audit/audit.store';
import { deleteSession } from '@kohtaamo/shared/user/session.store';
import { endAllSessions } from '@kohtaamo/shared/user/user.store';
import { serverContext } from '#lib/server/context.ts';
import { clearSessionCookie, readSessionToken } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const auth = locals.auth;
  if (auth.status === 'none') redirect(303, '/login');
  return {
    email: auth.user.email,
    role: auth.status === 'member' ? auth.member.role : undefined,
    workspaceId: auth.status === 'member' ? auth.member.workspaceId : undefined,
  };
};

async function audit(locals: App.Locals, action: 'logout' | 'logout.everywhere') {
  if (locals.auth.status !== 'member') return;
  await recordAudit(serverContext().db, locals.auth.member.workspaceId, {
    actorId: locals.auth.user.id,
    action,
    entityType: 'user',
    entityId: locals.auth.user.id,
  });
}

export const actions: Actions = {
  logout: async ({ cookies, url, locals }) => {
    const token = readSessionToken(cookies, url);
    await audit(locals, 'logout');
    if (token) await deleteSession(serverContext().db, token);
    clearSessionCookie(cookies, url);
    redirect(303, '/login?done=loggedOut');
  },
  logoutEverywhere: async ({ cookies, url, locals }) => {
    if (locals.auth.status === 'none') redirect(303, '/login');
    await audit(locals, 'logout.everywhere');
    await endAllSessions(serverContext().db, locals.auth.user.id);
    clearSessionCookie(cookies, url);
    redirect(303, '/login?done=loggedOut');
  },
};
