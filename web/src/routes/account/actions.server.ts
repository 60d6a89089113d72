// My account's actions: change the name or the password, log out everywhere, the calendar address.
import { redirect } from '@sveltejs/kit';
import { recordAudit } from '@kohtaamo/shared/audit/audit.store';
import { turnOffCalendarFeed, turnOnCalendarFeed } from '@kohtaamo/shared/calendar/calendar-feed.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { changeOwnPassword, renameOwnAccount } from '@kohtaamo/shared/user/own-account';
import { createSession, deleteSession } from '@kohtaamo/shared/user/session.store';
import { endAllSessions } from '@kohtaamo/shared/user/user.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import { accountMail } from '#lib/server/mailer.ts';
import {
  clearSessionCookie,
  readSessionToken,
  sessionPolicy,
  setSessionCookie,
} from '#lib/server/session.ts';
import type { Actions } from './$types';

async function audit(locals: App.Locals, action: 'logout' | 'logout.everywhere') {
  if (locals.auth.status !== 'member') return;
  await recordAudit(serverContext().db, locals.auth.member.workspaceId, {
    actorId: locals.auth.user.id,
    action,
    entityType: 'user',
    entityId: locals.auth.user.id,
  });
}

export const pageActions = {
  rename: async ({ request, locals }) => {
    if (locals.auth.status === 'none') redirect(303, '/login');
    const userId = locals.auth.user.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('name', values, () =>
      renameOwnAccount(serverContext().db, userId, { name: values.name }),
    );
    if (!('id' in result)) return result;
    redirect(303, '/account?done=renamed');
  },
  changePassword: async ({ request, locals, cookies, url }) => {
    if (locals.auth.status === 'none') redirect(303, '/login');
    const { db, config } = serverContext();
    const userId = locals.auth.user.id;
    const workspaceId = locals.auth.status === 'member' ? locals.auth.member.workspaceId : undefined;
    const form = await request.formData();
    // Passwords are never echoed back into the page.
    const result = await runAction('password', {}, () =>
      changeOwnPassword(db, accountMail(url), {
        userId,
        currentPassword: form.get('currentPassword'),
        password: form.get('password'),
      }),
    );
    if (!('user' in result)) return result;
    // Every session ended with the change: this browser goes on in a new one.
    const policy = sessionPolicy(config);
    const { token } = await createSession(
      db,
      { userId, epoch: result.user.sessionEpoch, workspaceId },
      policy,
    );
    setSessionCookie(cookies, url, token, policy);
    redirect(303, '/account?done=password');
  },
  logout: async ({ cookies, url, locals }) => {
    const token = readSessionToken(cookies, url);
    await audit(locals, 'logout');
    if (token) await deleteSession(serverContext().db, token);
    clearSessionCookie(cookies, url);
    redirect(303, '/login?done=loggedOut');
  },
  logoutEverywhere: async ({ cookies, url, locals }) => {
    if (locals.auth.status === 'none') redirect(303, '/login');
    await audit(locals, 'logout.everywhere');
    await endAllSessions(serverContext().db, locals.auth.user.id);
    clearSessionCookie(cookies, url);
    redirect(303, '/login?done=loggedOut');
  },
  // Turns the address on, or makes a new one (the old stops at once); the address is shown once.
  calendarOn: async ({ locals, url }) => {
    if (locals.auth.status !== 'member') redirect(303, '/account');
    const { db, config } = serverContext();
    const token = await turnOnCalendarFeed(db, locals.auth.member.workspaceId, locals.auth.user);
    const origin = config.KOHTAAMO_ORIGIN ? new URL(config.KOHTAAMO_ORIGIN).origin : url.origin;
    return { form: 'calendar', calendarAddress: `${origin}/calendar/${token}.ics` };
  },
  calendarOff: async ({ locals }) => {
    if (locals.auth.status !== 'member') redirect(303, '/account');
    await turnOffCalendarFeed(serverContext().db, locals.auth.member.workspaceId, locals.auth.user.id);
    redirect(303, '/account?done=calendarOff');
  },
} satisfies Actions;
