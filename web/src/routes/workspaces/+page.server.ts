// A user of several workspaces picks the one to work in (also switches later).
import { localised } from '@kohtaamo/shared/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { setSessionWorkspace } from '@kohtaamo/shared/user/session.store';
import { listUserWorkspaces } from '@kohtaamo/shared/user/user.store';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import { serverContext } from '#lib/server/context.ts';
import { readSessionToken, safeNextPath } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.auth.status === 'none') redirect(303, '/login');
  const { db } = serverContext();
  const memberships = await listUserWorkspaces(db, locals.auth.user.id);
  const workspaces = await Promise.all(
    memberships.map(async (m) => ({
      id: m.workspaceId,
      role: m.role,
      name: (await getWorkspace(db, m.workspaceId)).name,
    })),
  );
  return {
    workspaces,
    current: locals.auth.status === 'member' ? locals.auth.member.workspaceId : undefined,
    next: safeNextPath(url.searchParams.get('next')),
  };
};

export const actions: Actions = {
  choose: async ({ request, locals, cookies, url }) => {
    if (locals.auth.status === 'none') redirect(303, '/login');
    const { db } = serverContext();
    const form = await request.formData();
    const chosen = String(form.get('workspaceId') ?? '');
    const memberships = await listUserWorkspaces(db, locals.auth.user.id);
    // Only a workspace the user is an active member of: never one named by the form alone.
    if (!memberships.some((m) => m.workspaceId === chosen)) {
      error(403, {
        message: 'Not a member.',
        ...localised('workspaces.notAMember'),
      });
    }
    const token = readSessionToken(cookies, url);
    if (token) await setSessionWorkspace(db, token, chosen);
    redirect(303, safeNextPath(String(form.get('next') ?? '/')));
  },
};
