// Route ids (`[id=id]`, `[jobId=id]`, …): a parameter that is not shaped like an id names nothing,
// so the route does not match and SvelteKit answers its 404, as for an unknown id.
import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '@kohtaamo/shared/id-format';

export const match = ((param: string): param is string => isId(param)) satisfies ParamMatcher;
