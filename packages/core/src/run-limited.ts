import pLimit from "p-limit";

/**
 * Started calls between two turns of the event loop. An agent that never waits on I/O would
 * otherwise run the whole suite inside one macrotask, and no journal write (or any other I/O
 * callback) could complete until the end: a crash would lose every graded task.
 */
export const YIELD_EVERY = 64;

const nextMacrotask = (): Promise<void> =>
  new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));

/**
 * Maps `items` through `fn` with at most `max(1, concurrency)` calls in flight; results keep
 * the order of `items`. When `signal` aborts, nothing queued starts any more and the returned
 * promise rejects with the signal's reason (calls already running are left to finish, and
 * their results are dropped). Every {@link YIELD_EVERY} starts it lets the event loop turn once.
 *
 * @example
 * ```ts
 * const lengths = await runLimited(["a", "bb"], { concurrency: 2 }, async (s) => s.length);
 * ```
 */
export function runLimited<T, R>(
  items: readonly T[],
  options: { concurrency: number; signal?: AbortSignal | undefined },
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const limit = pLimit({
    concurrency: Math.max(1, Math.floor(options.concurrency) || 1),
    rejectOnClear: true,
  });
  let started = 0;
  // one gate for every slot: a single slot pausing would let the others run on
  let gate: Promise<void> | null = null;
  const run = async (item: T, index: number): Promise<R> => {
    if (++started % YIELD_EVERY === 0) {
      gate = nextMacrotask().then(() => {
        gate = null;
      });
    }
    if (gate) await gate;
    return fn(item, index);
  };
  const all = Promise.all(items.map((item, index) => limit(run, item, index)));
  if (!signal) return all;
  return new Promise<R[]>((resolve, reject) => {
    const onAbort = (): void => {
      limit.clearQueue();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    all.then(
      (results) => {
        signal.removeEventListener("abort", onAbort);
        resolve(results);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(signal.aborted ? signal.reason : error);
      },
    );
  });
}
