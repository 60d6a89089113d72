// The first admin of a workspace: a one-time link printed by `npm start` or `npm run create-workspace`.
import { completeSetup } from '@kohtaamo/shared/user/accounts';
import { peekOneTimeToken } from '@kohtaamo/shared/user/token.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { signInAndGo } from '#lib/server/token-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const record = await orHttpError(peekOneTimeToken(serverContext().db, params.token, 'setup'));
  return { workspaceId: record.workspaceId };
};

export const actions: Actions = {
  default: async ({ request, params, cookies, url }) => {
    const form = await request.formData();
    const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };
    const result = await runAction('setup', values, () =>
      completeSetup(serverContext().db, { token: params.token, ...values, password: form.get('password') }),
    );
    if (!('user' in result)) return result;
    return signInAndGo(cookies, url, result.user, result.record.workspaceId);
  },
};
