import pLimit, { type LimitFunction } from "p-limit";

/**
 * Started calls between two turns of the event loop. An agent that never waits on I/O would
 * otherwise run the whole suite inside one macrotask, and no journal write (or any other I/O
 * callback) could complete until the end: a crash would lose every graded task.
 */
export const YIELD_EVERY = 64;

/**
 * How many times `concurrency` items are handed to the limiter at once (running or waiting
 * their turn). Handing over every item up front would hold one pending promise and closure
 * per item for the whole map: on a 100,000-task suite that is most of the memory of the run.
 * Several per slot, refilled as each one settles, keep a slot that frees up from waiting for
 * the next item to be queued.
 */
export const LOOK_AHEAD = 4;

const nextMacrotask = (): Promise<void> =>
  new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));

/** Options of {@link runLimited}. */
export interface RunLimitedOptions {
  /** Calls in flight at most; below 1 (or not a number) counts as 1. */
  readonly concurrency: number;
  /** Once aborted, nothing more starts and the map rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * A p-limit limiter to run the calls on instead of a new one of `concurrency` (its own
   * concurrency then applies). Tests use it to watch the limiter's queue.
   */
  readonly limiter?: LimitFunction | undefined;
}

/**
 * Maps `items` through `fn` with at most `max(1, concurrency)` calls in flight, on a p-limit
 * limiter; results keep the order of `items`. At most {@link LOOK_AHEAD} × `concurrency` items
 * are in the limiter at any moment, so memory does not grow with the number of items waiting.
 * When `signal` aborts, nothing more starts and the returned promise rejects with the signal's
 * reason (calls already running are left to finish, and their results are dropped). A call
 * that rejects rejects the whole map the same way. Every {@link YIELD_EVERY} starts it lets
 * the event loop turn once.
 *
 * @example
 * ```ts
 * const lengths = await runLimited(["a", "bb"], { concurrency: 2 }, async (s) => s.length);
 * ```
 */
export function runLimited<T, R>(
  items: readonly T[],
  options: RunLimitedOptions,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const results = new Array<R>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  const limit = options.limiter ?? pLimit(Math.max(1, Math.floor(options.concurrency) || 1));
  const window = LOOK_AHEAD * limit.concurrency;
  let next = 0;
  let inLimiter = 0;
  let done = 0;
  let started = 0;
  let settled = false;
  // one gate for every slot: a single slot pausing would let the others run on
  let gate: Promise<void> | null = null;
  return new Promise<R[]>((resolve, reject) => {
    const onAbort = (): void => finish(signal?.reason, true);
    const finish = (error: unknown, failed: boolean): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (failed) reject(error);
      else resolve(results);
    };
    // Everything after a call, including the refill and a failure, happens inside the limited
    // function: the limiter starts the next waiting item only once it returns, and by then a
    // failure has settled the map, so that item sees it and does not start.
    const call = async (index: number): Promise<void> => {
      if (++started % YIELD_EVERY === 0) {
        gate = nextMacrotask().then(() => {
          gate = null;
        });
      }
      if (gate) await gate;
      if (settled) return;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        finish(signal?.aborted ? signal.reason : error, true);
        return;
      }
      inLimiter--;
      if (++done === items.length) finish(null, false);
      else refill();
    };
    const refill = (): void => {
      while (!settled && next < items.length && inLimiter < window) {
        inLimiter++;
        // `call` never rejects: its failures settle the map instead
        void limit(call, next++);
      }
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    refill();
  });
}
