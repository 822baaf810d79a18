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
 * their results are dropped). A call that rejects rejects the whole map the same way. Every
 * {@link YIELD_EVERY} starts it lets the event loop turn once.
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
  // A fixed pool of workers pulling the next index, rather than one queued promise per item
  // made up front: a 100k-task suite would otherwise hold 100k pending promises (and their
  // closures) from the first task to the last.
  const slots = Math.min(items.length, Math.max(1, Math.floor(options.concurrency) || 1));
  const results = new Array<R>(items.length);
  let next = 0;
  let started = 0;
  let settled = false;
  // one gate for every slot: a single slot pausing would let the others run on
  let gate: Promise<void> | null = null;
  return new Promise<R[]>((resolve, reject) => {
    if (slots === 0) {
      resolve(results);
      return;
    }
    const onAbort = (): void => finish(signal?.reason, true);
    const finish = (error: unknown, failed: boolean): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (failed) reject(error);
      else resolve(results);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const worker = async (): Promise<void> => {
      while (!settled && next < items.length) {
        const index = next++;
        if (++started % YIELD_EVERY === 0) {
          gate = nextMacrotask().then(() => {
            gate = null;
          });
        }
        if (gate) await gate;
        if (settled) return;
        results[index] = await fn(items[index] as T, index);
      }
    };
    let running = slots;
    for (let slot = 0; slot < slots; slot++) {
      worker().then(
        () => {
          if (--running === 0) finish(null, false);
        },
        (error: unknown) => finish(signal?.aborted ? signal.reason : error, true),
      );
    }
  });
}
