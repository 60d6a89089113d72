import { describe, expect, it } from 'vitest';
import { allowedHost } from './web-server';

describe('allowed Host of the local server', () => {
  it('accepts only the configured origin’s host when one is set', () => {
    const allowed = allowedHost('https://crm.example.fi', '0.0.0.0');
    expect(allowed('crm.example.fi', 3000)).toBe(true);
    expect(allowed('CRM.example.fi:443', 3000)).toBe(true); // the default port is the same host
    expect(allowed('localhost:3000', 3000)).toBe(false);
    expect(allowed('evil.example', 3000)).toBe(false);
  });

  it('without one, accepts the listening address and loopback names on the listening port', () => {
    const allowed = allowedHost(undefined, '127.0.0.1');
    for (const host of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000'])
      expect(allowed(host, 3000)).toBe(true);
    expect(allowed('127.0.0.1:3001', 3000)).toBe(false);
    expect(allowed('evil.example:3000', 3000)).toBe(false);
    expect(allowedHost(undefined, '192.168.1.20')('192.168.1.20:3000', 3000)).toBe(true);
    expect(allowedHost(undefined, '0.0.0.0')('0.0.0.0:3000', 3000)).toBe(false);
    expect(allowedHost(undefined, '::1')('[::1]:3000', 3000)).toBe(true);
    expect(allowedHost(undefined, 'fd00::5')('[fd00::5]:3000', 3000)).toBe(true);
  });

  it('refuses a missing or malformed Host', () => {
    const allowed = allowedHost(undefined, '127.0.0.1');
    for (const host of [undefined, '', 'a b', '127.0.0.1:3000/x', '127.0.0.1:3000@evil.example']) {
      expect(allowed(host, 3000)).toBe(false);
    }
  });
});
