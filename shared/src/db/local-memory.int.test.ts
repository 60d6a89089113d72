// The embedded engine's memory stays bounded under load: 10,000 requests (after 2,000 to warm up)
// in a child process with its own dynalite on disk, measured after a full GC. Before the iterator
// fix in local.ts every Query leaked an open LevelDB iterator: the heap grew ~4 MB per 1,000
// requests and the resident size with it.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** Live heap growth allowed from warm-up to the end (measured: about 0; before the fix about 40). */
const HEAP_GROWTH_MB = 8;
/** The stated bound on the process's resident size after 12,000 requests (measured: about 320 MB; before the fix about 440 MB, growing without end). */
const RSS_LIMIT_MB = 400;

interface Sample {
  heapMb: number;
  rssMb: number;
}

describe('local engine memory', () => {
  it('keeps heap and resident size bounded over 10,000 requests', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/support/engine-memory-probe.ts', '10000'],
      { cwd: repoRoot, timeout: 90_000 },
    );
    const { warm, end } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      warm: Sample;
      end: Sample;
    };
    expect(end.heapMb - warm.heapMb).toBeLessThan(HEAP_GROWTH_MB);
    expect(end.rssMb).toBeLessThan(RSS_LIMIT_MB);
  }, 120_000);
});
