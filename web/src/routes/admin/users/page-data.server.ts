// The users page: the members, their roles and the pending invitations.

import { listPendingInvitations } from '@kohtaamo/shared/user/invitations';
import { listMembers } from '@kohtaamo/shared/user/user.store';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export function linkTo(url: URL, path: string): string {
  return new URL(path, url.origin).href;
}

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */

export const loadPage = async ({ locals, url }: Parameters<PageServerLoad>[0]) => {
  const me = member(locals);
  const { db } = serverContext();
  const [members, invitations] = await orHttpError(
    Promise.all([listMembers(db, me.workspaceId), listPendingInvitations(db, me.workspaceId)]),
  );
  return {
    members,
    invitations: invitations.map((i) => ({
      ref: i.tokenHash,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt,
    })),
    me: me.userId,
    done: url.searchParams.get('done'),
  };
};
