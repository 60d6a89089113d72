// Setting a new password with the one-time link mailed to the user ("reset access" by an admin).
// The link is void once the user's epoch has moved on (a newer reset, log out everywhere).
import { redirect } from '@sveltejs/kit';
import { peekResetLink, resetPassword } from '@kohtaamo/shared/user/accounts';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { accountMail } from '#lib/server/mailer.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  await orHttpError(peekResetLink(serverContext().db, params.token));
  return {};
};

export const actions: Actions = {
  default: async ({ request, params, url }) => {
    const form = await request.formData();
    const result = await runAction('reset', {}, () =>
      resetPassword(serverContext().db, accountMail(url), {
        token: params.token,
        password: form.get('password'),
      }),
    );
    if (!('user' in result)) return result;
    redirect(303, '/login?done=password');
  },
};
