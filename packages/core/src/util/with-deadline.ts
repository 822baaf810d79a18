/**
 * `work`, or past `timeoutMs` what `onTimeout` gives: user code that never answers (a scorer,
 * a comparator) must not hang a run. The timer is cleared as soon as either settles.
 *
 * @example
 * ```ts
 * const feedback = await withDeadline(scorer.score(context), 300_000, () => [timedOutFeedback]);
 * ```
 */
export function withDeadline<T>(
  work: PromiseLike<T>,
  timeoutMs: number,
  onTimeout: () => T,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), timeoutMs);
  });
  return Promise.race([Promise.resolve(work), timedOut]).finally(() => clearTimeout(timer));
}
