import { describe, expect, it } from 'vitest';
import { idFromSeed, newId } from '@kohtaamo/shared/ids';
import { match } from './id.ts';

describe('the id route matcher', () => {
  it('matches the ids the app makes', () => {
    expect(match(newId())).toBe(true);
    expect(match(idFromSeed('import-check:ws:1'))).toBe(true);
  });

  it('refuses anything not shaped like an id', () => {
    for (const param of [
      '',
      'new',
      'not-an-id',
      newId().toLowerCase(),
      `${newId()}x`,
      'I'.repeat(26),
      `${newId().slice(1)}#`,
    ]) {
      expect(match(param)).toBe(false);
    }
  });
});
