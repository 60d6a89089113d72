import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
  locale: locals.locale,
  // Where the language switch returns to: this page, without a form action's `?/name`.
  path: url.pathname + (url.search.startsWith('?/') ? '' : url.search),
});
