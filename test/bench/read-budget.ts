// The deterministic budget of a read: what it costs the table at a larger size may exceed what it
// costs at a smaller one only by its declared allowance. Round trips and items examined do not
// depend on timing, so this holds on any machine; `npm test` checks it on small data
// (read-cost.int.test.ts) and `npm run bench` prints it beside the timings.
import type { ReadCost } from '../../shared/src/db/read-cost';

export interface Allowance {
  /** Round trips the larger size may add (default 0: a read's round trips do not grow). */
  roundTrips?: number;
  /** Items examined the larger size may add (default: a page, since the measured records differ). */
  itemsExamined?: number;
  /** Why this read may grow, when it does. */
  reason?: string;
}

/** A page of a list: the measured records differ between the sizes, so their pages may too. */
export const DEFAULT_ITEMS_ALLOWANCE = 60;

/** The most a read costs over several measurements (different records of the same pattern). */
export function worstCost(costs: readonly ReadCost[]): ReadCost {
  return costs.reduce(
    (worst, cost) => ({
      roundTrips: Math.max(worst.roundTrips, cost.roundTrips),
      itemsExamined: Math.max(worst.itemsExamined, cost.itemsExamined),
      scans: Math.max(worst.scans, cost.scans),
      commands: Object.fromEntries(
        [...new Set([...Object.keys(worst.commands), ...Object.keys(cost.commands)])].map((name) => [
          name,
          Math.max(worst.commands[name] ?? 0, cost.commands[name] ?? 0),
        ]),
      ),
    }),
    { roundTrips: 0, itemsExamined: 0, scans: 0, commands: {} },
  );
}

/** What breaks the budget, in words (empty when it holds). */
export function budgetBreaches(small: ReadCost, large: ReadCost, allowance: Allowance = {}): string[] {
  const breaches: string[] = [];
  if (small.scans > 0 || large.scans > 0) breaches.push(`scans the table (${large.scans} scans)`);
  const extraTrips = allowance.roundTrips ?? 0;
  if (large.roundTrips > small.roundTrips + extraTrips)
    breaches.push(`round trips grow: ${small.roundTrips} → ${large.roundTrips} (allowed +${extraTrips})`);
  const extraItems = allowance.itemsExamined ?? DEFAULT_ITEMS_ALLOWANCE;
  if (large.itemsExamined > small.itemsExamined + extraItems)
    breaches.push(
      `items examined grow: ${small.itemsExamined} → ${large.itemsExamined} (allowed +${extraItems})`,
    );
  return breaches;
}
