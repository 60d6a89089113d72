import { describe, expect, it } from 'vitest';
import {
  isValidRegisterNumber,
  isValidYTunnus,
  normaliseYTunnus,
  registerNumberDigits,
  ytunnusCheckDigit,
} from './association-identifiers';

describe('Y-tunnus', () => {
  it('accepts business IDs whose check digit matches', () => {
    // Weighted sum 0*7+1*9+1*10+2*5+0*8+2*4+3*2 = 43, 43 % 11 = 10, check digit 11 - 10 = 1.
    expect(isValidYTunnus('0112023-1')).toBe(true);
    expect(isValidYTunnus('1572860-0')).toBe(true); // remainder 0 gives check digit 0
    expect(isValidYTunnus('0201256-6')).toBe(true);
  });

  it('rejects a wrong check digit and a wrong format', () => {
    expect(isValidYTunnus('0112023-2')).toBe(false);
    expect(isValidYTunnus('01120231')).toBe(false);
    expect(isValidYTunnus('112023-1')).toBe(false);
    expect(isValidYTunnus('abcdefg-1')).toBe(false);
  });

  it('knows that remainder 1 has no valid check digit', () => {
    // 1*7 + 8*2 = 23, 23 % 11 = 1
    expect(ytunnusCheckDigit('1000008')).toBeUndefined();
    for (let digit = 0; digit <= 9; digit++) expect(isValidYTunnus(`1000008-${digit}`)).toBe(false);
  });

  it('pads an old six-digit business ID with a leading zero', () => {
    expect(normaliseYTunnus(' 112023-1 ')).toBe('0112023-1');
  });
});

describe('association register number', () => {
  it('accepts the forms found in the register', () => {
    expect(isValidRegisterNumber('123.456')).toBe(true);
    expect(isValidRegisterNumber('1.234.567')).toBe(true);
    expect(isValidRegisterNumber('196')).toBe(true);
    expect(isValidRegisterNumber('12.34')).toBe(false);
    expect(isValidRegisterNumber('ry123')).toBe(false);
  });

  it('compares numbers without their dots', () => {
    expect(registerNumberDigits('123.456')).toBe(registerNumberDigits('123456'));
  });
});
