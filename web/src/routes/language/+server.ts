// Switches the interface language (a form post from every page; works without JavaScript).
import { redirect } from '@sveltejs/kit';
import { parseLocale } from '@kohtaamo/shared/i18n/messages';
import { LOCALE_COOKIE } from '#lib/server/locale.ts';
import { safeNextPath } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const locale = parseLocale(String(form.get('locale') ?? '')) ?? 'fi';
  // Only a path on this site, by the same rule as `next` after login: never an open redirect.
  const target = safeNextPath(form.get('redirectTo'));
  cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 60 * 60 * 24 * 365,
  });
  redirect(303, target);
};
