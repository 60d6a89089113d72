import { describe, expect, it } from 'vitest';
import { associationFormInput } from './association-form';

describe('associationFormInput', () => {
  it('keeps only the fields the form sent, and splits the lists at commas', () => {
    expect(
      associationFormInput({
        name: 'Kuopion Sydänyhdistys ry',
        municipalities: 'Kuopio, Siilinjärvi ,',
        notes: '',
        version: '3',
        createAnyway: 'yes',
      }),
    ).toEqual({ name: 'Kuopion Sydänyhdistys ry', municipalities: ['Kuopio', 'Siilinjärvi'], notes: '' });
  });
});
