// The catalogue is complete in both languages, every message renders, and counts take their plural form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey, localised, localisedIfKey, t, type Locale, type MessageKey } from './messages';

const catalogueDir = join(import.meta.dirname, '../../messages');
type Source = Record<string, unknown>;

function readLanguage(locale: Locale): Map<string, Source> {
  const files = readdirSync(join(catalogueDir, locale)).filter((name) => name.endsWith('.json'));
  return new Map(
    files.map((name) => [name, JSON.parse(readFileSync(join(catalogueDir, locale, name), 'utf8')) as Source]),
  );
}

const finnish = readLanguage('fi');
const english = readLanguage('en');
const keysOf = (source: Source) => Object.keys(source).filter((key) => key !== '$schema');

/** The `{inputs}` a message's source names, in every variant. */
function inputsOf(message: unknown): string[] {
  return [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

describe('the message catalogue', () => {
  it('has the same files and, in each, the same keys in Finnish and English', () => {
    expect([...english.keys()].sort()).toEqual([...finnish.keys()].sort());
    for (const [file, fi] of finnish) {
      const en = english.get(file)!;
      const missingInEnglish = keysOf(fi).filter((key) => !(key in en));
      const missingInFinnish = keysOf(en).filter((key) => !(key in fi));
      expect({ file, missingInEnglish, missingInFinnish }).toEqual({
        file,
        missingInEnglish: [],
        missingInFinnish: [],
      });
    }
  });

  it('names the same inputs in both languages, and a key lives in one file only', () => {
    const seen = new Map<string, string>();
    for (const [file, fi] of finnish) {
      for (const key of keysOf(fi)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
        expect({ key, inputs: inputsOf(english.get(file)![key]) }).toEqual({
          key,
          inputs: inputsOf(fi[key]),
        });
      }
    }
    expect(seen.size).toBeGreaterThan(700);
  });

  it('compiles every key, and every message renders in both languages with no placeholder left', () => {
    for (const fi of finnish.values()) {
      for (const key of keysOf(fi)) {
        expect(isMessageKey(key), key).toBe(true);
        const inputs = Object.fromEntries(inputsOf(fi[key]).map((name) => [name, 2]));
        for (const locale of ['fi', 'en'] as const) {
          const text = (t as (l: Locale, k: MessageKey, i: object) => string)(
            locale,
            key as MessageKey,
            inputs,
          );
          expect(text.trim(), `${locale} ${key}`).not.toBe('');
          expect(text, `${locale} ${key}`).not.toMatch(/\{\w+\}|undefined/);
        }
      }
    }
  });

  it.each([
    ['fi', 0, '0 yhdistystä'],
    ['fi', 1, '1 yhdistys'],
    ['fi', 2, '2 yhdistystä'],
    ['fi', 21, '21 yhdistystä'],
    ['en', 0, '0 associations'],
    ['en', 1, '1 association'],
    ['en', 2, '2 associations'],
    ['en', 21, '21 associations'],
  ] as const)('says a count of associations in %s for %i as "%s"', (locale, count, expected) => {
    expect(t(locale, 'pipeline.count', { count })).toBe(expected);
  });

  it('chooses each count of a message its own form (feedback, import result)', () => {
    expect(t('fi', 'event.feedbackCount', { count: 1 })).toBe('1 palaute');
    expect(t('fi', 'event.feedbackCount', { count: 79 })).toBe('79 palautetta');
    expect(t('en', 'event.feedbackCount', { count: 1 })).toBe('1 response');
    expect(t('fi', 'import.result', { imported: 3, merged: 1, skipped: 0 })).toBe(
      'Tuotiin 3 uutta yhdistystä, yhdistettiin 1 rivi olemassa oleviin, ohitettiin 0 riviä.',
    );
    expect(t('en', 'import.result', { imported: 1, merged: 2, skipped: 1 })).toBe(
      'Imported 1 new association, merged 2 rows into existing ones, skipped 1 row.',
    );
  });

  it('gives both languages at once, and a run-time key only when it is one', () => {
    expect(localised('app.switchTo')).toEqual({ fi: 'In English', en: 'Suomeksi' });
    expect(localised('report.rowsCount', { count: 1 })).toEqual({ fi: '1 rivi', en: '1 row' });
    expect(localisedIfKey('msg:version.invalid')?.fi).toMatch(/\S/);
    expect(localisedIfKey('not a key')).toBeUndefined();
    expect(localisedIfKey('constructor')).toBeUndefined();
  });
});
