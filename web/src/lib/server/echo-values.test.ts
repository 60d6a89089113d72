import { describe, expect, it } from 'vitest';
import { ECHO_LIMITS, echoValues } from './echo-values';

const size = (values: Record<string, string | string[]>) =>
  Object.entries(values).reduce((sum, [name, v]) => sum + name.length + [v].flat().join('').length, 0);

describe('echoValues', () => {
  it('echoes an ordinary form as it came', () => {
    const form = { name: 'Iisalmen Sydänyhdistys', municipality: ['Iisalmi', 'Kiuruvesi'], note: '' };
    expect(echoValues(form)).toEqual(form);
  });

  it('never echoes a password field', () => {
    expect(echoValues({ email: 'a@example.invalid', password: 'secret', newPassword: 'x' })).toEqual({
      email: 'a@example.invalid',
    });
  });

  it('cuts each field to 10,000 characters and the whole to 30,000', () => {
    const huge = 'x'.repeat(6 * 1024 * 1024);
    const echoed = echoValues({ a: huge, b: huge, c: huge, d: huge, e: [huge, huge] });
    expect(String(echoed.a)).toHaveLength(ECHO_LIMITS.perField);
    expect(size(echoed)).toBeLessThanOrEqual(ECHO_LIMITS.total);
    expect(echoed.e).toBeUndefined();
  });

  it('bounds many small fields and long names as well', () => {
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`field${i}`, 'v']));
    expect(size(echoValues(many))).toBeLessThanOrEqual(ECHO_LIMITS.total);
    expect(echoValues({ ['n'.repeat(20_000)]: 'v' })).toEqual({});
  });

  it('never cuts a character in half', () => {
    const emoji = `${'x'.repeat(ECHO_LIMITS.perField - 1)}😀`;
    const echoed = String(echoValues({ note: emoji }).note);
    expect(echoed).toHaveLength(ECHO_LIMITS.perField - 1);
    expect(echoed.endsWith('x')).toBe(true);
  });
});
