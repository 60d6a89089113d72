// A private calendar address: the user's open follow-ups and the centre's events as iCalendar.
// Public (the token is the key, access.ts); an unknown, regenerated or stopped address is a plain
// 404 with no hint which. Never stored by a browser or CDN: a stopped feed must stop at once.
import { readCalendarFeed } from '@kohtaamo/shared/calendar/read-calendar-feed';
import { TooManyRequestsError } from '@kohtaamo/shared/errors';
import { serverContext } from '#lib/server/context.ts';
import type { RequestHandler } from './$types';

const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };

export const GET: RequestHandler = async ({ params, url, locals }) => {
  const { db, config } = serverContext();
  const origin = config.KOHTAAMO_ORIGIN ? new URL(config.KOHTAAMO_ORIGIN).origin : url.origin;
  let text: string | undefined;
  try {
    text = await readCalendarFeed(db, params.token, { origin, locale: locals.locale });
  } catch (caught) {
    if (!(caught instanceof TooManyRequestsError)) throw caught;
    return new Response('Too many requests', {
      status: 429,
      headers: {
        ...headers,
        'content-type': 'text/plain; charset=utf-8',
        'retry-after': String(Math.ceil(caught.retryAfterSeconds)),
      },
    });
  }
  if (text === undefined) {
    return new Response('Not found', {
      status: 404,
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(text, {
    headers: {
      ...headers,
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="kohtaamo.ics"',
    },
  });
};
