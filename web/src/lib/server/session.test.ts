import { describe, expect, it } from 'vitest';
import { clientAddress, isSafeNextPath, safeNextPath, sessionCookieName } from './session';

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
    expect(safeNextPath('/associations?q=%C3%A4t%C3%A4#timeline')).toBe(
      '/associations?q=%C3%A4t%C3%A4#timeline',
    );
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '', null, undefined]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });

  it('refuses targets a browser would read as another site or that cannot be a header', () => {
    const bad = [
      '/\tevil.example',
      '/\t/evil.example', // browsers drop the tab, leaving //evil.example
      '/%09/evil.example', // the same, percent-encoded
      '/%0a/evil.example',
      '/%0D%0ASet-Cookie:x=1',
      '/\r\nSet-Cookie: x=1',
      '/\\evil',
      '/%5Cevil',
      '/%2F/evil.example',
      '/%2f%2fevil.example',
      '/\u0000',
      '/\u007f',
      '/\u0085',
      'javascript:alert(1)',
      'evil.example',
      '/%E4', // not UTF-8 when decoded
      `/${'a'.repeat(2001)}`,
    ];
    for (const value of bad) expect(isSafeNextPath(value), JSON.stringify(value)).toBe(false);
    expect(isSafeNextPath(new File(['/'], 'x'))).toBe(false);
    expect(isSafeNextPath(['/tasks'])).toBe(false);
  });
});
