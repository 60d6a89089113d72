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

/** A `next` path after login: only a path on this site, never an open redirect. */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
