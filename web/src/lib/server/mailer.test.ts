import { describe, expect, it } from 'vitest';
import { loadConfig } from '@kohtaamo/shared/config';
import { siteUrl } from './mailer.ts';

const base = { KOHTAAMO_CURSOR_SECRET: 'x'.repeat(32) };
const forged = new URL('http://evil.example/admin/users');

describe('siteUrl (links in account e-mail)', () => {
  it('locally is this server, never the Host a request claims', () => {
    const local = loadConfig({ ...base, KOHTAAMO_DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567', PORT: '3201' });
    expect(siteUrl(local, forged)).toBe('http://127.0.0.1:3201');
    const anyHost = loadConfig({
      ...base,
      KOHTAAMO_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
      HOST: '0.0.0.0',
    });
    expect(siteUrl(anyHost, forged)).toBe('http://localhost:3000');
  });

  it('is the configured site when there is one, else (AWS) the origin CloudFront passed on', () => {
    const configured = loadConfig({ ...base, KOHTAAMO_SITE_URL: 'https://kohtaamo.example.fi' });
    expect(siteUrl(configured, forged)).toBe('https://kohtaamo.example.fi');
    expect(siteUrl(loadConfig(base), new URL('https://d111.cloudfront.net/x'))).toBe(
      'https://d111.cloudfront.net',
    );
  });
});
