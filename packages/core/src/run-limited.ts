import pLimit from "p-limit";

/**
 * Maps `items` through `fn` with at most `max(1, concurrency)` calls in flight; results keep
 * the order of `items`. When `signal` aborts, nothing queued starts any more and the returned
 * promise rejects with the signal's reason (calls already running are left to finish, and
 * their results are dropped).
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
  const all = Promise.all(items.map((item, index) => limit(fn, item, index)));
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
