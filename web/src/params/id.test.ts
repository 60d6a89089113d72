import { describe, expect, it } from 'vitest';
import { idFromSeed, newId } from '@kohtaamo/shared/ids';
import { params } from './index.ts';
import { matchId } from './id.ts';

describe('the id route matcher', () => {
  it('matches the ids the app makes, as they are', () => {
    for (const id of [newId(), idFromSeed('import-check:ws:1')]) expect(matchId(id)).toBe(id);
  });

  it('refuses anything not shaped like an id', () => {
    for (const param of ['', 'new', 'not-an-id', newId().toLowerCase(), `${newId()}x`, 'I'.repeat(26)]) {
      expect(matchId(param)).toBeUndefined();
    }
  });

  it('is the matcher SvelteKit gets for `=id`', async () => {
    const id = newId();
    expect(await params.id['~standard'].validate(id)).toEqual({ value: id });
    expect(await params.id['~standard'].validate('not-an-id')).toHaveProperty('issues');
  });
});
