import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = { KOHTAAMO_CURSOR_SECRET: 'a-cursor-secret-that-is-long-enough-0123456789' };

describe('configuration', () => {
  it('accepts fault points locally, for fault tests', () => {
    expect(
      loadConfig({ ...base, KOHTAAMO_FAULT_POINTS: 'stage-move:after-history' }).KOHTAAMO_FAULT_POINTS,
    ).toBe('stage-move:after-history');
  });

  it('refuses fault points in Lambda', () => {
    expect(() =>
      loadConfig({
        ...base,
        AWS_LAMBDA_FUNCTION_NAME: 'web',
        KOHTAAMO_FAULT_POINTS: 'log-contact:after-interaction',
      }),
    ).toThrow(ConfigError);
    expect(loadConfig({ ...base, AWS_LAMBDA_FUNCTION_NAME: 'web' }).KOHTAAMO_FAULT_POINTS).toBeUndefined();
  });
});
