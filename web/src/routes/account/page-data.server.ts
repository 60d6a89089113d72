// My account: name, password and sessions.
import { redirect } from '@sveltejs/kit';
import { currentWorkspace } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */

export const loadPage = async ({ locals, url }: Parameters<PageServerLoad>[0]) => {
  const auth = locals.auth;
  if (auth.status === 'none') redirect(303, '/login');
  const workspace = auth.status === 'member' ? await orHttpError(currentWorkspace(locals)) : undefined;
  return {
    email: auth.user.email,
    name: auth.user.name,
    role: auth.status === 'member' ? auth.member.role : undefined,
    workspaceName: workspace?.name,
    done: url.searchParams.get('done'),
  };
};
