import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { checkNewPassword } from './accounts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses a password shorter than the minimum, counting characters rather than bytes', async () => {
    expect(await passwordProblem('äöåäöåäöåäö')).toBe('tooShort');
    expect(PASSWORD_MIN_LENGTH).toBe(12);
  });

  it('refuses a password longer than the maximum', async () => {
    expect(await passwordProblem('a'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('tooLong');
  });

  it('judges Finnish, English and product words weak, and the user’s own name and address', async () => {
    expect(await passwordProblem('salasana1234')).toBe('weak');
    expect(await passwordProblem('password1234')).toBe('weak');
    expect(await passwordProblem('kohtaamo2026!')).toBe('weak');
    const own = ['Maija Virtanen', 'maija.virtanen@example.invalid'];
    expect(await passwordProblem('maija.virtanen99')).toBeUndefined();
    expect(await passwordProblem('maija.virtanen99', own)).toBe('weak');
  });

  it('accepts a long passphrase, also when checks run side by side before the dictionaries loaded', async () => {
    const answers = await Promise.all([
      passwordProblem('uusi-sininen-kettu-hyppää-7'),
      passwordProblem('omenapuu-kukkii-toukokuussa'),
    ]);
    expect(answers).toEqual([undefined, undefined]);
  });

  it('turns each problem into its field error in both languages', async () => {
    const refusal = (password: string) =>
      checkNewPassword(password, [], 'newPassword').then(
        () => undefined,
        (caught: unknown) => caught,
      );
    const short = await refusal('lyhyt');
    expect(short).toBeInstanceOf(ValidationError);
    expect((short as ValidationError).fields).toEqual([
      {
        field: 'newPassword',
        message: {
          fi: 'Salasanassa pitää olla vähintään 12 merkkiä.',
          en: expect.stringContaining('12') as string,
        },
      },
    ]);
    const long = (await refusal('a'.repeat(PASSWORD_MAX_LENGTH + 1))) as ValidationError;
    expect(long.fields[0]?.message.fi).toBe('Salasana on liian pitkä (enintään 256 merkkiä).');
    const weak = (await refusal('salasana1234')) as ValidationError;
    expect(weak.fields[0]?.message.fi).toMatch(/^Salasana on liian helppo arvata\./);
    expect(weak.fields[0]?.message.en).toBeTruthy();
    await expect(checkNewPassword('uusi-sininen-kettu-hyppää-7', [])).resolves.toBeUndefined();
  });
});
