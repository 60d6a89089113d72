// Ids from forms and query strings (route parameters go through the `id` matcher in src/params/):
// a malformed one names nothing, so it is the same 404 as an unknown one (and never reaches a key).
import { error } from '@sveltejs/kit';
import { isId } from '@kohtaamo/shared/ids';

export function idOr404(value: unknown): string {
  if (!isId(value)) error(404, { message: 'Not found' });
  return value;
}
