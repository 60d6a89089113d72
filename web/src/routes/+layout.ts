// Before any page renders in the browser, its language's messages are loaded (only that language is
// sent: see shared/src/i18n/catalogues.browser.ts). On the server every language is already at hand.
import { loadCatalogue } from '@kohtaamo/shared/i18n/messages';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ data }) => {
  await loadCatalogue(data.locale);
  return data;
};
