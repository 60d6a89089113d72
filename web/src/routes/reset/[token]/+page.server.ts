// Setting a new password with the one-time link an admin made ("reset access").
import { redirect } from '@sveltejs/kit';
import { resetPassword } from '@kohtaamo/shared/user/accounts';
import { peekOneTimeToken } from '@kohtaamo/shared/user/token.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  await orHttpError(peekOneTimeToken(serverContext().db, params.token, 'reset'));
  return {};
};

export const actions: Actions = {
  default: async ({ request, params }) => {
    const form = await request.formData();
    const result = await runAction('reset', {}, () =>
      resetPassword(serverContext().db, { token: params.token, password: form.get('password') }),
    );
    if (!('id' in result)) return result;
    redirect(303, '/login?done=password');
  },
};
