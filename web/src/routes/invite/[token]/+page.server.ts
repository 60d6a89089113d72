// Accepting an invitation: a new address chooses a name and password; an address that already has
// an account joins only while signed in as it (sign in first, then come back). No password of an
// existing account is ever asked or checked here.
import { acceptInvite, invitationMode, peekInvitation } from '@kohtaamo/shared/user/accounts';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { signedInUser, signInAndGo } from '#lib/server/token-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const { record, invitedUserId } = await orHttpError(peekInvitation(db, params.token));
  const workspace = await orHttpError(getWorkspace(db, record.workspaceId));
  const me = signedInUser(locals);
  return {
    workspaceName: workspace.name,
    email: record.email ?? '',
    role: record.role ?? 'viewer',
    mode: invitationMode(invitedUserId, me?.id),
    signedInAs: me?.email,
    loginHref: `/login?next=${encodeURIComponent(`/invite/${params.token}`)}`,
  };
};

export const actions: Actions = {
  default: async ({ request, params, cookies, url, locals }) => {
    const form = await request.formData();
    const values = { name: String(form.get('name') ?? '').slice(0, 200) };
    const result = await runAction('invite', values, () =>
      acceptInvite(serverContext().db, {
        token: params.token,
        ...values,
        password: form.get('password'),
        signedInAs: signedInUser(locals)?.id,
      }),
    );
    if (!('user' in result)) return result;
    return signInAndGo(cookies, url, result.user, result.member.workspaceId);
  },
};
