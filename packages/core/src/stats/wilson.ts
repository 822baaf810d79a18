/** A closed interval `[lo, hi]`. */
export type Interval = readonly [lo: number, hi: number];

/**
 * Wilson score interval of a proportion `rate` observed over `n` trials, clamped
 * to [0, 1]; `[0, 0]` when `n` is 0. `z` defaults to 1.96 (95%).
 *
 * @example
 * ```ts
 * wilsonInterval(0.625, 4); // ≈ [0.21942, 0.90810]
 * wilsonInterval(1, 2);     // ≈ [0.34237, 1]
 * ```
 */
export function wilsonInterval(rate: number, n: number, z = 1.96): Interval {
  if (n <= 0) return [0, 0];
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (rate + z2 / (2 * n)) / denom;
  const margin = (z / denom) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - margin), Math.min(1, center + margin)];
}
