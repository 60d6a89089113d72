import { describe, expect, it } from 'vitest';
import { compareFinnish, finnishCollationKey, sortFinnish, tidyName } from './finnish-collation';

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const baseCollator = new Intl.Collator('fi', { sensitivity: 'base' });

describe('Finnish collation', () => {
  it('puts å, ä and ö after z, in that order', () => {
    expect(sortFinnish(['Östersundom', 'Äänekoski', 'Åbo', 'Zeta', 'Aapa'], (n) => n)).toEqual([
      'Aapa',
      'Zeta',
      'Åbo',
      'Äänekoski',
      'Östersundom',
    ]);
  });

  it('keeps v and w apart and sorts ü as y', () => {
    expect(sortFinnish(['Wanha', 'Vb', 'Üx', 'Ylä-Savo', 'Vaasa'], (n) => n)).toEqual([
      'Vaasa',
      'Vb',
      'Wanha',
      'Ylä-Savo',
      'Üx',
    ]);
  });

  it('gives keys whose UTF-8 byte order is the Finnish order (which plain bytes get wrong)', () => {
    const names = [
      'Kuopion Ääni',
      'Kuopion Åbo',
      'Kuopion Ohi',
      'kuopion',
      'Kuopio-Seura',
      'Kuopio',
      '1. ryhmä',
      'Émile',
      'Eino',
    ];
    expect(byteOrder('ä', 'å')).toBeLessThan(0); // the trap: raw UTF-8 puts ä before å
    const byKey = [...names].sort((a, b) => byteOrder(finnishCollationKey(a), finnishCollationKey(b)));
    expect(byKey).toEqual([...names].sort(compareFinnish));
  });

  it('agrees with Intl.Collator fi on thousands of random names', () => {
    const alphabet = [...'aabcdeeghijkllmnoprsstuuvwyzåäöÅÄÖéü  -.,0129()'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const names = Array.from({ length: 3000 }, () =>
      tidyName(
        Array.from(
          { length: 1 + Math.floor(random() * 12) },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join(''),
      ),
    ).filter((n) => n.length > 0);
    const byKey = [...names].sort((a, b) => byteOrder(finnishCollationKey(a), finnishCollationKey(b)));
    for (let i = 1; i < byKey.length; i++) {
      const previous = byKey[i - 1] as string;
      const current = byKey[i] as string;
      expect(baseCollator.compare(previous, current), `${previous} | ${current}`).toBeLessThanOrEqual(0);
    }
  });

  it('tidies white space in names', () => {
    expect(tidyName('  Kuopion   Reumayhdistys \t ry ')).toBe('Kuopion Reumayhdistys ry');
  });
});
