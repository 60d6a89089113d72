// Accepting an invitation: a new user chooses a name and password; an existing user proves theirs.
import { acceptInvite } from '@kohtaamo/shared/user/accounts';
import { peekOneTimeToken } from '@kohtaamo/shared/user/token.store';
import { findUserByEmail } from '@kohtaamo/shared/user/user.store';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { signInAndGo } from '#lib/server/token-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db } = serverContext();
  const invite = await orHttpError(peekOneTimeToken(db, params.token, 'invite'));
  const workspace = await orHttpError(getWorkspace(db, invite.workspaceId));
  return {
    workspaceName: workspace.name,
    email: invite.email ?? '',
    role: invite.role ?? 'viewer',
    existing: invite.email ? (await findUserByEmail(db, invite.email)) !== undefined : false,
  };
};

export const actions: Actions = {
  default: async ({ request, params, cookies, url }) => {
    const form = await request.formData();
    const values = { name: String(form.get('name') ?? '') };
    const result = await runAction('invite', values, () =>
      acceptInvite(serverContext().db, { token: params.token, ...values, password: form.get('password') }),
    );
    if (!('user' in result)) return result;
    return signInAndGo(cookies, url, result.user, result.member.workspaceId);
  },
};
