import { describe, expect, it } from 'vitest';
import { inCallingOrder, onePerPerson, telHref } from './contact-order';

describe('calling order', () => {
  it('puts the chair and the contact person first, then the roles in order, names in Finnish order', () => {
    const people = [
      { role: 'treasurer', personName: 'Aino' },
      { role: 'board_member', personName: 'Östen' },
      { role: 'contact', personName: 'Veli' },
      { role: 'board_member', personName: 'Ärje' },
      { role: 'chair', personName: 'Sari' },
      { role: 'secretary', personName: 'Bertta' },
    ] as const;
    expect(inCallingOrder(people).map((p) => p.personName)).toEqual([
      'Sari',
      'Veli',
      'Bertta',
      'Aino',
      'Ärje',
      'Östen',
    ]);
  });

  it('makes an international tel: address of a number as people type it', () => {
    expect(telHref('040 123 4567')).toBe('tel:+358401234567');
    expect(telHref('017-123 456')).toBe('tel:+35817123456');
    expect(telHref(' +46 8 123 456 78 ')).toBe('tel:+46812345678');
    // Not a number libphonenumber can read: its digits, so a phone can still try it.
    expect(telHref('vaihde 12')).toBe('tel:12');
  });
});

describe('one entry per person', () => {
  it('keeps a person once, by a current role before a former one, in calling order', () => {
    const roles = [
      { personId: 'a', personName: 'Aino', role: 'secretary', endDate: '2022-05-31' },
      { personId: 'b', personName: 'Bertta', role: 'treasurer' },
      { personId: 'a', personName: 'Aino', role: 'chair' },
      { personId: 'c', personName: 'Cecilia', role: 'board_member', endDate: '2021-01-01' },
    ] as const;
    expect(onePerPerson(roles).map((r) => [r.personName, r.role])).toEqual([
      ['Aino', 'chair'],
      ['Bertta', 'treasurer'],
      ['Cecilia', 'board_member'],
    ]);
  });
});
