// A small in-process queue that bounds how many pieces of heavy work run at once (password
// hashing: scrypt runs on libuv's thread pool, which file, DNS, zlib and the local engine's storage
// need too). A short waiting line takes a burst; past it, work is refused at once instead of piling up.
import { serverBusy, TooManyRequestsError } from '../errors';

export interface WorkQueueOptions {
  /** Work running at the same time. */
  concurrency: number;
  /** Work waiting for a place; one more is refused. */
  maxWaiting: number;
  /** What a refusal tells the client to wait, in seconds. */
  retryAfterSeconds: number;
}

export interface WorkQueue {
  /**
   * Runs `work` when a place is free. Fails with TooManyRequestsError (server busy) when the
   * waiting line is full, or with whatever `work` fails with.
   */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Fails with TooManyRequestsError (server busy) when `run` would refuse now: lets a caller refuse
   * before it spends anything on work that would not get a place.
   */
  assertRoom(): void;
  /** Running and waiting now, and the most that ever ran at once (for tests and logs). */
  stats(): { running: number; waiting: number; peak: number };
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  let running = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next)
      next(); // the place passes straight on: `running` stays the same
    else running -= 1;
  };

  const assertRoom = () => {
    if (running >= options.concurrency && waiting.length >= options.maxWaiting) {
      throw new TooManyRequestsError(options.retryAfterSeconds, serverBusy());
    }
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      assertRoom();
      if (running < options.concurrency) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      peak = Math.max(peak, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    assertRoom,
    stats: () => ({ running, waiting: waiting.length, peak }),
  };
}
