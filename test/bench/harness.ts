// A small, reusable benchmark harness: latency samples, percentiles, interleaved comparison of
// two data sizes, and a printed table. Budgets are checked on ratios, never on absolute times.

export interface Stats {
  p50: number;
  p95: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/**
 * Runs `small` and `large` alternately (so drift and GC hit both alike) after a warm-up, and
 * returns the latency statistics of each in milliseconds.
 */
export async function compare(
  small: (i: number) => Promise<unknown>,
  large: (i: number) => Promise<unknown>,
  iterations: number,
): Promise<{ small: Stats; large: Stats }> {
  for (let i = 0; i < 20; i++) {
    await small(i);
    await large(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let start = performance.now();
    await small(i);
    a.push(performance.now() - start);
    start = performance.now();
    await large(i);
    b.push(performance.now() - start);
  }
  return { small: stats(a), large: stats(b) };
}

/** What a read or a page cost the table at each size (deterministic), and what breaks its budget. */
export interface CostColumns {
  small: { roundTrips: number; itemsExamined: number };
  large: { roundTrips: number; itemsExamined: number };
  breaches: string[];
}

export interface Row {
  id: string;
  name: string;
  small: Stats;
  large: Stats;
  ratio: number;
  budget: number;
  cost?: CostColumns;
}

/** Over its budget: the p95 ratio, or (deterministic) its round trips or items examined. */
export const overBudget = (row: Row): boolean =>
  row.ratio >= row.budget || (row.cost?.breaches.length ?? 0) > 0;

export function formatTable(rows: readonly Row[], labels: [string, string]): string {
  const header = [
    '#',
    'pattern',
    `p50 ${labels[0]}`,
    `p95 ${labels[0]}`,
    `p50 ${labels[1]}`,
    `p95 ${labels[1]}`,
    'p95 ratio',
    'budget',
    'round trips',
    'items examined',
  ];
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const lines = rows.map((r) => [
    r.id,
    r.name,
    ms(r.small.p50),
    ms(r.small.p95),
    ms(r.large.p50),
    ms(r.large.p95),
    `${r.ratio.toFixed(2)}×`,
    `${r.ratio < r.budget ? 'ok' : 'OVER'} < ${r.budget}×`,
    r.cost ? `${r.cost.small.roundTrips} → ${r.cost.large.roundTrips}` : '–',
    r.cost
      ? `${r.cost.small.itemsExamined} → ${r.cost.large.itemsExamined}${r.cost.breaches.length ? ' OVER' : ''}`
      : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}
