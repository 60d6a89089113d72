import { describe, expect, it } from 'vitest';
import { doneMessage } from './format';

describe('doneMessage', () => {
  const outcomes = { saved: 'person.saved', merged: 'merge.done' } as const;

  it('gives the message the page names for the outcome, in the page language', () => {
    expect(doneMessage('fi', 'saved', outcomes)).toBe('Henkilön tiedot tallennettu.');
    expect(doneMessage('en', 'saved', outcomes)).toBe('Person saved.');
  });

  it('gives nothing for no outcome, an unknown one, or a name from the object prototype', () => {
    for (const done of [null, undefined, '', 'deleted', 'constructor', '__proto__', 'toString']) {
      expect(doneMessage('fi', done, outcomes)).toBeUndefined();
    }
  });
});
