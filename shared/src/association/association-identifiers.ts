// Identifiers an association may have: a business ID (Y-tunnus) with its check digit, and the
// association register number. Both are optional: clubs and groups often have neither.

const YTUNNUS_PATTERN = /^(\d{7})-(\d)$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** Old six-digit business IDs are written with a leading zero today. */
export function normaliseYTunnus(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, '');
  return /^\d{6}-\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

export function hasYTunnusFormat(value: string): boolean {
  return YTUNNUS_PATTERN.test(value);
}

/** The check digit of seven digits, or undefined when no digit can be valid (remainder 1). */
export function ytunnusCheckDigit(sevenDigits: string): number | undefined {
  const sum = [...sevenDigits].reduce(
    (total, digit, index) => total + Number(digit) * (WEIGHTS[index] ?? 0),
    0,
  );
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return undefined;
  return 11 - remainder;
}

export function isValidYTunnus(value: string): boolean {
  const match = YTUNNUS_PATTERN.exec(value);
  if (!match) return false;
  return ytunnusCheckDigit(match[1] as string) === Number(match[2]);
}

const REGISTER_NUMBER_PATTERN = /^\d{1,3}(\.\d{3}){0,2}$/;

export function normaliseRegisterNumber(value: string): string {
  return value.trim().replace(/\s+/g, '');
}

export function isValidRegisterNumber(value: string): boolean {
  return REGISTER_NUMBER_PATTERN.test(value) || /^\d{1,9}$/.test(value);
}

/** Register numbers compare without their dots: 123.456 equals 123456. */
export function registerNumberDigits(value: string): string {
  return value.replace(/\D/g, '');
}
