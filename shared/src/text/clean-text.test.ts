import { describe, expect, it } from 'vitest';
import { cleanMultilineText, cleanText } from './clean-text';

describe('cleanText', () => {
  it('removes NUL, the index key separator U+0001, ESC, DEL and C1 controls', () => {
    expect(cleanText('Kuo\u0000pio\u0001 ry\u001b[31m\u007f\u0085\u009f')).toBe('Kuopio ry[31m');
  });

  it('removes bidi overrides, embeddings, isolates and marks so a name cannot be spoofed', () => {
    expect(cleanText('Matti \u202Eexe.txt\u202C')).toBe('Matti exe.txt');
    expect(cleanText('\u202A\u202B\u202D\u2066a\u2067b\u2068c\u2069\u200E\u200F\u061C')).toBe('abc');
  });

  it('turns tabs and line breaks into spaces in a single-line text', () => {
    expect(cleanText('Kuopio\tIisalmi\r\nVarkaus\nTervo\rSiilinjärvi\u2028Leppävirta\u2029x')).toBe(
      'Kuopio Iisalmi Varkaus Tervo Siilinjärvi Leppävirta x',
    );
  });

  it('keeps emoji with zero-width joiners and variation selectors', () => {
    for (const emoji of ['👩‍👩‍👧', '❤️', '🏳️‍🌈', '👍🏽']) expect(cleanText(emoji)).toBe(emoji);
  });

  it('normalises to NFC', () => {
    expect(cleanText('A\u0308a\u030A')).toBe('Äå');
    expect(cleanText('A\u0308').length).toBe(1);
  });

  it('leaves an ordinary Finnish text as it was', () => {
    const text = 'Pohjois-Savon Vertaistuen Keskus ry – "VeKe" (Kuopio) 123.456 €';
    expect(cleanText(text)).toBe(text);
  });
});

describe('cleanMultilineText', () => {
  it('keeps tab and line feed, and writes every line end as \\n', () => {
    expect(cleanMultilineText('a\tb\r\nc\rd\ne\u2028f')).toBe('a\tb\nc\nd\ne\nf');
  });

  it('removes other controls and bidi characters as cleanText does', () => {
    expect(cleanMultilineText('rivi\u0001\n\u202Etoinen\u0000')).toBe('rivi\ntoinen');
  });
});
