// The session cookie and the client's address. Over HTTPS (every deployment) the cookie is
// `__Host-kohtaamo-session`: Secure, HttpOnly, SameSite=Lax, path /, no domain. Plain http exists
// only on a developer's machine, where a Secure cookie cannot be set, so it drops the prefix there.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { Config } from '@kohtaamo/shared/config';
import type { SessionPolicy } from '@kohtaamo/shared/user/session.store';

export function sessionCookieName(url: URL): string {
  return url.protocol === 'https:' ? '__Host-kohtaamo-session' : 'kohtaamo-session';
}

export function sessionPolicy(config: Config): SessionPolicy {
  return {
    idleSeconds: config.KOHTAAMO_SESSION_IDLE_MINUTES * 60,
    absoluteSeconds: config.KOHTAAMO_SESSION_ABSOLUTE_HOURS * 3600,
  };
}

export function readSessionToken(cookies: Cookies, url: URL): string | undefined {
  return cookies.get(sessionCookieName(url));
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, policy: SessionPolicy): void {
  cookies.set(sessionCookieName(url), token, {
    path: '/',
    httpOnly: true,
    secure: url.protocol === 'https:',
    sameSite: 'lax',
    maxAge: policy.absoluteSeconds,
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(sessionCookieName(url), { path: '/', secure: url.protocol === 'https:' });
}

/**
 * The client's address for login throttling, from the runtime: the socket on the local Node
 * server; in AWS the viewer's IP, which our CloudFront function sets and the Lambda handler passes
 * on (functions/src/web). Never X-Forwarded-For or any other header a client can set.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
  try {
    return event.getClientAddress() || 'unknown';
  } catch {
    return 'unknown';
  }
}

// Control characters (C0, DEL, C1): browsers drop tab and line breaks from a URL, so `/\t/x` is
// `//x`, another site. Backslashes are slashes to a browser (`/\evil` is `//evil`).
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNSAFE_IN_PATH = /[\\\u0000-\u001f\u007f-\u009f]/;
const SITE = 'https://kohtaamo.invalid';

/**
 * Whether a redirect target from the user (`next`, `redirectTo`) is a path on this site: it starts
 * with one `/`, and neither it nor its percent-decoded form holds a backslash, a control character
 * or a second leading slash; resolved against the site it stays on the site. Never throws.
 */
export function isSafeNextPath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  for (const text of [value, decoded]) {
    if (!text.startsWith('/') || text.startsWith('//') || UNSAFE_IN_PATH.test(text)) return false;
  }
  try {
    return new URL(value, SITE).origin === SITE;
  } catch {
    return false;
  }
}

/** A redirect target from the user, or `/` when it is not a safe path on this site (isSafeNextPath). */
export function safeNextPath(value: unknown): string {
  return isSafeNextPath(value) ? value : '/';
}
