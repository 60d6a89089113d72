import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
  locale: locals.locale,
  path: url.pathname + url.search,
});
