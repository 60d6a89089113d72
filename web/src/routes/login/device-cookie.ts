// The device cookie of the login page: a browser that logged in to an account before proves it
// with the token login() gave it (shared/src/user/device-token.ts), so strangers' wrong guesses do
// not lock it out. HttpOnly and, over HTTPS, `__Host-` like the session cookie; it holds no
// personal data (a random device id, a time and a signature).
import type { Cookies } from '@sveltejs/kit';
import { DEVICE_TOKEN_MAX_AGE_SECONDS } from '@kohtaamo/shared/user/device-token';

const nameFor = (url: URL) => (url.protocol === 'https:' ? '__Host-kohtaamo-device' : 'kohtaamo-device');

export function readDeviceCookie(cookies: Cookies, url: URL): string | undefined {
  return cookies.get(nameFor(url));
}

export function setDeviceCookie(cookies: Cookies, url: URL, token: string): void {
  cookies.set(nameFor(url), token, {
    path: '/',
    httpOnly: true,
    secure: url.protocol === 'https:',
    sameSite: 'lax',
    maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
  });
}
