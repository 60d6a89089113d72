// The login page: login() counts the attempt before it checks the password (429 with Retry-After
// past a limit, or while the password hashing queue is full); a successful login sets the session
// cookie and the device cookie that keeps this browser out of strangers' lockouts.
import { redirect } from '@sveltejs/kit';
import { login } from '@kohtaamo/shared/user/accounts';
import { deleteSession } from '@kohtaamo/shared/user/session.store';
import { runAction } from '#lib/server/actions.ts';
import { serverContext } from '#lib/server/context.ts';
import {
  clientAddress,
  readSessionToken,
  safeNextPath,
  sessionPolicy,
  setSessionCookie,
} from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';
import { readDeviceCookie, setDeviceCookie } from './device-cookie';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNextPath(url.searchParams.get('next'));
  if (locals.auth.status === 'member') redirect(303, next);
  return { next, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  default: async (event) => {
    const { config, db } = serverContext();
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '');
    const next = safeNextPath(String(form.get('next') ?? '/'));
    // The password is never sent back to the page.
    const result = await runAction('login', { email }, () =>
      login(
        db,
        {
          email,
          password: form.get('password'),
          clientAddress: clientAddress(event),
          device: readDeviceCookie(event.cookies, event.url),
        },
        sessionPolicy(config),
      ),
    );
    if (!('token' in result)) {
      if (result.data.retryAfterSeconds)
        event.setHeaders({ 'retry-after': String(result.data.retryAfterSeconds) });
      return result;
    }
    // A new session at every login; the old one (if any) ends.
    const previous = readSessionToken(event.cookies, event.url);
    if (previous) await deleteSession(db, previous);
    setSessionCookie(event.cookies, event.url, result.token, sessionPolicy(config));
    setDeviceCookie(event.cookies, event.url, result.device);
    redirect(303, result.session.workspaceId ? next : `/workspaces?next=${encodeURIComponent(next)}`);
  },
};
