// On the server, in Lambdas and in tests every language is at hand: e-mails, the handover and the record
// of processing are written in both. The browser gets `catalogues.browser.ts` instead (package.json
// "imports", condition "browser"), which holds only the language the page shows.
import { messages as en } from './paraglide/by-key/en';
import { messages as fi } from './paraglide/by-key/fi';
import { keyed, type Catalogue } from './keyed-catalogue';

const catalogues = { fi: keyed(fi), en: keyed(en) } as const;

export function catalogueFor(locale: 'fi' | 'en'): Catalogue {
  return catalogues[locale];
}

export function hasMessage(key: string): boolean {
  return catalogues.fi.has(key);
}

/** Nothing to load here: every language is in the bundle. */
export async function loadCatalogue(_locale: 'fi' | 'en'): Promise<void> {}
