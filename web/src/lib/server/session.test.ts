import { describe, expect, it } from 'vitest';
import { clientAddress, safeNextPath, sessionCookieName } from './session';

function event(headers: Record<string, string>, socket = '203.0.113.9') {
  return {
    request: new Request('https://kohtaamo.example/login', { headers }),
    getClientAddress: () => socket,
  };
}

describe('session helpers', () => {
  it('uses a __Host- cookie over https and a plain name only on local http', () => {
    expect(sessionCookieName(new URL('https://kohtaamo.example/'))).toBe('__Host-kohtaamo-session');
    expect(sessionCookieName(new URL('http://127.0.0.1:3000/'))).toBe('kohtaamo-session');
  });

  it('takes the client address from the runtime only, never from X-Forwarded-For', () => {
    const spoofed = { 'x-forwarded-for': '198.51.100.1', 'cloudfront-viewer-address': '192.0.2.7:51234' };
    expect(clientAddress(event(spoofed))).toBe('203.0.113.9');
    expect(clientAddress(event({}, ''))).toBe('unknown');
  });

  it('redirects after login only to a path on this site', () => {
    expect(safeNextPath('/tasks?view=team')).toBe('/tasks?view=team');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '', null]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});
