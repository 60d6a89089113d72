// Filling an association's gaps from a duplicate row: nothing it has is overwritten.
import { describe, expect, it } from 'vitest';
import type { Association } from '../association/association.schema';
import { fillGaps } from './merge-row';

const target = {
  name: 'Kuopion Kerho ry',
  frame: 'kerho',
  municipalities: ['Kuopio'],
  targetGroups: ['ikäihmiset'],
  phone: '017 123',
} as unknown as Association;

describe('fillGaps', () => {
  it('fills empty fields and adds new municipalities and target groups, keeping what is there', () => {
    expect(
      fillGaps(target, {
        name: 'Kuopion kerho r.y.',
        kind: 'association',
        frame: 'yhdistys',
        municipalities: ['kuopio', 'Siilinjärvi'],
        targetGroups: ['Ikäihmiset', 'omaishoitajat'],
        phone: '040 999',
        email: 'kerho@example.fi',
      }),
    ).toEqual({
      name: 'Kuopion Kerho ry',
      frame: 'kerho',
      municipalities: ['Kuopio', 'Siilinjärvi'],
      targetGroups: ['ikäihmiset', 'omaishoitajat'],
      phone: '017 123',
      email: 'kerho@example.fi',
      parentId: undefined,
      ytunnus: undefined,
      registerNumber: undefined,
      address: undefined,
      website: undefined,
      foundedYear: undefined,
      notes: undefined,
    });
  });

  it('says so when the row adds nothing', () => {
    expect(
      fillGaps(target, {
        name: 'x',
        kind: 'association',
        frame: 'kerho',
        municipalities: ['KUOPIO'],
        targetGroups: [],
      }),
    ).toBeUndefined();
  });
});
