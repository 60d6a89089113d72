// In the browser only the language the page shows is loaded (its own chunk), before the page renders:
// the root layout's load awaits `loadCatalogue(locale)`. A switch of language loads the other one.
import { keyed, type Catalogue } from './keyed-catalogue';

const loaded: Partial<Record<'fi' | 'en', Catalogue>> = {};

export function catalogueFor(locale: 'fi' | 'en'): Catalogue {
  const catalogue = loaded[locale];
  if (!catalogue) throw new Error(`The ${locale} messages were not loaded before the page used them`);
  return catalogue;
}

export function hasMessage(key: string): boolean {
  return Object.values(loaded).some((catalogue) => catalogue.has(key));
}

export async function loadCatalogue(locale: 'fi' | 'en'): Promise<void> {
  loaded[locale] ??= keyed(
    (locale === 'en' ? await import('./paraglide/by-key/en') : await import('./paraglide/by-key/fi'))
      .messages,
  );
}
