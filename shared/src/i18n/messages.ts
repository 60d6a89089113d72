// Every user-visible text, in Finnish (default) and English, through Paraglide JS.
//
// The catalogue is `shared/messages/{fi,en}/<feature>.json` (inlang message format, CLDR plural variants);
// `npm run messages -w shared` compiles it into `./paraglide/` (generated, not in git; `npm ci` runs it).
// `t()` is the one way the code reads it: the key is typed, and so are the key's inputs, so a missing
// input is a compile error. Keys built at run time (a stored validation message) go through `isMessageKey`.
import { catalogueFor, hasMessage } from '#i18n/catalogues';
import type * as catalogue from './paraglide/messages/_index.js';

export { loadCatalogue } from '#i18n/catalogues';

export const locales = ['fi', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'fi';

export interface Localised {
  fi: string;
  en: string;
}

export type MessageKey = keyof typeof catalogue;

/** The inputs one message takes: `{}` for a plain text, `{ count: … }` for a plural. */
export type MessageInputs<K extends MessageKey> = NonNullable<Parameters<(typeof catalogue)[K]>[0]>;

/** The keys of the messages that take no inputs: the only ones a key chosen at run time may name. */
export type PlainMessageKey = {
  [K in MessageKey]: Record<string, never> extends MessageInputs<K> ? K : never;
}[MessageKey];

/**
 * A message without inputs may be called without them; one with inputs must be given all of them. A key
 * that may be any of several (`kind.${kind}`) may go without inputs only when none of them takes any.
 */
export type MessageArgs<K extends MessageKey> = [K] extends [PlainMessageKey]
  ? [inputs?: MessageInputs<K>]
  : [inputs: MessageInputs<K>];

function render(locale: Locale, key: MessageKey, inputs: Record<string, unknown>): string {
  const message = catalogueFor(locale).get(key);
  if (!message) throw new Error(`No message ${key} in ${locale}`);
  return message(inputs);
}

/** Whether a text built at run time is a key; such a key names a message without inputs. */
export function isMessageKey(key: string): key is PlainMessageKey {
  return hasMessage(key);
}

/** Translate a catalogue key, filling its `{inputs}` and choosing its plural form. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...[inputs]: MessageArgs<K>): string {
  return render(locale, key, inputs ?? {});
}

/** The same text in both languages, for what is stored or returned before the reader's language is known. */
export function localised<K extends MessageKey>(key: K, ...[inputs]: MessageArgs<K>): Localised {
  return inEachLanguage((locale) => render(locale, key, inputs ?? {}));
}

/** A text written once per language, for inputs that are themselves per language (a formatted number). */
export function inEachLanguage(write: (locale: Locale) => string): Localised {
  return { fi: write('fi'), en: write('en') };
}

/**
 * A key known only at run time (a validation message carried as text): both languages, or undefined for
 * a text that is not a key. Its inputs cannot be checked at compile time, so it takes none.
 */
export function localisedIfKey(text: string): Localised | undefined {
  return isMessageKey(text) ? inEachLanguage((locale) => render(locale, text, {})) : undefined;
}

export function parseLocale(value: string | null | undefined): Locale | undefined {
  return value === 'fi' || value === 'en' ? value : undefined;
}
