// The first admin of a workspace: a one-time link printed by `npm start`, `npm run deploy` or
// `npm run create-workspace`. Refused once the workspace has an active admin. A signed-in user
// becomes the admin with their own account; an address that already has one must sign in first
// (the page never asks for an existing password).
import { completeSetup, peekSetupLink } from '@kohtaamo/shared/user/accounts';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { signedInUser, signInAndGo } from '#lib/server/token-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const record = await orHttpError(peekSetupLink(db, params.token));
  const workspace = await orHttpError(getWorkspace(db, record.workspaceId));
  return {
    workspaceName: workspace.name,
    signedInAs: signedInUser(locals)?.email,
    loginHref: `/login?next=${encodeURIComponent(`/setup/${params.token}`)}`,
  };
};

export const actions: Actions = {
  default: async ({ request, params, cookies, url, locals }) => {
    const form = await request.formData();
    const values = {
      name: String(form.get('name') ?? '').slice(0, 200),
      email: String(form.get('email') ?? '').slice(0, 300),
      workspaceName: String(form.get('workspaceName') ?? '').slice(0, 300),
    };
    const result = await runAction('setup', values, () =>
      completeSetup(serverContext().db, {
        token: params.token,
        ...values,
        password: form.get('password'),
        signedInAs: signedInUser(locals)?.id,
      }),
    );
    if (!('user' in result)) return result;
    return signInAndGo(cookies, url, result.user, result.record.workspaceId);
  },
};
