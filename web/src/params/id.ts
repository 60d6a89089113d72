// The `id` matcher (`[id=id]`, `[jobId=id]`, …): a parameter not shaped like an id names nothing,
// so the route does not match and SvelteKit answers its 404, as for an unknown id.
import { isId } from '@kohtaamo/shared/id-format';

/** The id itself, or undefined (no match) when `param` is not shaped like one. */
export const matchId = (param: string): string | undefined => (isId(param) ? param : undefined);
