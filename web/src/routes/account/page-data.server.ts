// My account: name, password and sessions.
import { redirect } from '@sveltejs/kit';
import { getCalendarFeedOfUser } from '@kohtaamo/shared/calendar/calendar-feed.store';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */

export const loadPage = async ({ locals, url }: Parameters<PageServerLoad>[0]) => {
  const auth = locals.auth;
  if (auth.status === 'none') redirect(303, '/login');
  const workspace = auth.status === 'member' ? await orHttpError(currentWorkspace(locals)) : undefined;
  const feed =
    auth.status === 'member'
      ? await getCalendarFeedOfUser(serverContext().db, auth.member.workspaceId, auth.user)
      : undefined;
  return {
    email: auth.user.email,
    name: auth.user.name,
    role: auth.status === 'member' ? auth.member.role : undefined,
    workspaceName: workspace?.name,
    done: url.searchParams.get('done'),
    /** undefined before a workspace is chosen (the feed belongs to one). */
    calendarFeed:
      auth.status === 'member'
        ? { on: feed !== undefined, since: feed ? helsinkiDate(new Date(feed.createdAt)) : undefined }
        : undefined,
  };
};
