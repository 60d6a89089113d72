import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { mailerFromConfig, mailerKind } from './mailer-from-config';

const base = { KOHTAAMO_CURSOR_SECRET: 'x'.repeat(32) };

describe('mailerFromConfig', () => {
  it('uses the outbox locally and none in AWS unless told otherwise', () => {
    const local = loadConfig({ ...base, KOHTAAMO_DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' });
    expect(mailerKind(local)).toBe('outbox');
    expect(mailerFromConfig(local)).toBeDefined();
    const aws = loadConfig(base);
    expect(mailerKind(aws)).toBe('none');
    expect(mailerFromConfig(aws)).toBeUndefined();
    const off = loadConfig({
      ...base,
      KOHTAAMO_DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      KOHTAAMO_MAILER: 'none',
    });
    expect(mailerFromConfig(off)).toBeUndefined();
  });

  it('sends through SES only with a sender address', () => {
    expect(() => loadConfig({ ...base, KOHTAAMO_MAILER: 'ses' })).toThrow(ConfigError);
    const ses = loadConfig({ ...base, KOHTAAMO_MAILER: 'ses', KOHTAAMO_MAIL_FROM: 'kohtaamo@example.fi' });
    expect(mailerKind(ses)).toBe('ses');
    expect(mailerFromConfig(ses)).toBeDefined();
    expect(() => loadConfig({ ...base, KOHTAAMO_MAILER: 'carrier-pigeon' })).toThrow(ConfigError);
  });
});
