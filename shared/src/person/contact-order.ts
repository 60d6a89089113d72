// Who to call first: an association's people with the chair and the contact person at the top, then
// the other roles in their usual order, each role's people in Finnish alphabetical order.
import { compareFinnish } from '../text/finnish-collation';
import { normalisedPhone } from '../text/phone';
import { membershipRoles, type MembershipRole } from './person.schema';

const FIRST: readonly MembershipRole[] = ['chair', 'contact'];

function rank(role: MembershipRole): number {
  const first = FIRST.indexOf(role);
  return first !== -1 ? first : FIRST.length + membershipRoles.indexOf(role);
}

/** The people in calling order (a new array; the input is left as it is). */
export function inCallingOrder<T extends { role: MembershipRole; personName: string }>(
  people: readonly T[],
): T[] {
  return [...people].sort(
    (a, b) => rank(a.role) - rank(b.role) || compareFinnish(a.personName, b.personName),
  );
}

/**
 * A phone number as a `tel:` address in international form (a Finnish number unless it says
 * otherwise, through libphonenumber); a number it cannot read keeps its digits and a leading +.
 */
export function telHref(phone: string): string {
  const normalised = normalisedPhone(phone);
  if (normalised) return `tel:${normalised}`;
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/**
 * One entry per person from an association's role periods (a person may hold several): the one
 * to show in a list of people (a current role before a former one, then calling order).
 */
export function onePerPerson<
  T extends { personId: string; role: MembershipRole; personName: string; endDate?: string | undefined },
>(roles: readonly T[]): T[] {
  const ordered = [
    ...inCallingOrder(roles.filter((r) => !r.endDate)),
    ...inCallingOrder(roles.filter((r) => r.endDate)),
  ];
  const seen = new Set<string>();
  return ordered.filter((r) => !seen.has(r.personId) && seen.add(r.personId));
}
