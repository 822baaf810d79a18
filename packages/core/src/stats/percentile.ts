/**
 * Linear-interpolated percentile (numpy's default) of sorted values; 0 for none.
 *
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const low = sorted[lo] as number;
  return low + (rank - lo) * ((sorted[hi] as number) - low);
}
