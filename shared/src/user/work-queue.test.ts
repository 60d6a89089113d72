import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors';
import { createWorkQueue } from './work-queue';

/** Work that finishes only when the test says so, and counts how many run at once. */
function gatedWork() {
  let running = 0;
  let peak = 0;
  const gates: (() => void)[] = [];
  const work = () =>
    new Promise<string>((resolve) => {
      running += 1;
      peak = Math.max(peak, running);
      gates.push(() => {
        running -= 1;
        resolve('done');
      });
    });
  const openNext = async () => {
    gates.shift()?.();
    // Let the queue hand the place on before the test looks.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { work, openNext, started: () => gates.length, peak: () => peak };
}

describe('work queue', () => {
  it('runs at most `concurrency` at once, starts the waiting ones in order, and refuses past the line', async () => {
    const queue = createWorkQueue({ concurrency: 2, maxWaiting: 3, retryAfterSeconds: 2 });
    const gated = gatedWork();
    const accepted = Array.from({ length: 5 }, () => queue.run(gated.work));
    const refused = Array.from({ length: 4 }, () => queue.run(gated.work).catch((caught: unknown) => caught));
    for (const refusal of await Promise.all(refused)) {
      expect(refusal).toBeInstanceOf(TooManyRequestsError);
      expect((refusal as TooManyRequestsError).retryAfterSeconds).toBe(2);
      expect((refusal as TooManyRequestsError).safe.en).toContain('busy');
    }
    expect(queue.stats()).toEqual({ running: 2, waiting: 3, peak: 2 });
    expect(() => queue.assertRoom()).toThrow(TooManyRequestsError);
    expect(gated.started()).toBe(2);
    for (let i = 0; i < 5; i++) await gated.openNext();
    expect(await Promise.all(accepted)).toEqual(Array(5).fill('done'));
    expect(gated.peak()).toBe(2);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, peak: 2 });
    expect(() => queue.assertRoom()).not.toThrow();
  });

  it('frees the place of work that fails', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 0, retryAfterSeconds: 1 });
    await expect(queue.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await queue.run(() => Promise.resolve(7))).toBe(7);
    expect(queue.stats().running).toBe(0);
  });
});
