// Picks the language (cookie, then the browser's preference, Finnish by default) for every request,
// and keeps unexpected errors generic: no stack traces or data reach the page or the log.
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { defaultLocale, parseLocale, type Locale } from '@kohtaamo/shared/i18n/messages';

import { LOCALE_COOKIE } from '#lib/server/locale.ts';
import { serverContext } from '#lib/server/context.ts';

function preferredLocale(acceptLanguage: string | null): Locale | undefined {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const locale = parseLocale(part.split(';')[0]?.trim().slice(0, 2).toLowerCase());
    if (locale) return locale;
  }
  return undefined;
}

export const handle: Handle = async ({ event, resolve }) => {
  const locale =
    parseLocale(event.cookies.get(LOCALE_COOKIE)) ??
    preferredLocale(event.request.headers.get('accept-language')) ??
    defaultLocale;
  event.locals.locale = locale;
  event.locals.staffId = serverContext().config.KOHTAAMO_LOCAL_USER;
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};

export const handleError: HandleServerError = (caught) => {
  // App errors (ours, with safe bilingual text) and framework errors (404…) keep their defaults.
  if (caught.kind !== 'unknown') return;
  const name = caught.error instanceof Error ? caught.error.name : 'unknown';
  // Only the route and the error's type: messages may contain personal data.
  console.error(`500 on ${caught.event.route.id ?? 'unknown route'}: ${name}`);
  return {
    message: 'Something went wrong.',
    fi: 'Jokin meni vikaan. Yritä uudelleen hetken päästä.',
    en: 'Something went wrong. Please try again in a moment.',
  };
};
