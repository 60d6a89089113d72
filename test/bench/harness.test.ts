import { describe, expect, it } from 'vitest';
import { formatTable, percentile, stats } from './harness';

describe('benchmark harness', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(stats([5, 1, 3])).toEqual({ p50: 3, p95: 5 });
  });

  it('marks a pattern over its ratio budget in the table', () => {
    const row = {
      id: '2',
      name: 'directory',
      small: { p50: 1, p95: 2 },
      large: { p50: 1, p95: 4 },
      ratio: 2,
      budget: 1.5,
    };
    expect(formatTable([row], ['1×', '10×'])).toMatch(/2\.00×\s+OVER < 1\.5×/);
  });
});
