/**
 * Exact two-sided McNemar test: the p-value of seeing `b` pairs that went one way and `c`
 * that went the other, if both directions were equally likely. It is the two-sided binomial
 * test of min(b, c) in b + c trials at p = ½, capped at 1; 1 when there is no discordant pair.
 *
 * @example
 * ```ts
 * mcnemarExact(10, 2); // ≈ 0.0386
 * ```
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  if (n <= 1000) {
    // Binomial probabilities by recurrence: exact for small counts, where tests compare values.
    let term = 0.5 ** n;
    for (let i = 0; i <= k; i++) {
      tail += term;
      term = (term * (n - i)) / (i + 1);
    }
  } else {
    // 0.5ⁿ underflows past n ≈ 1074, so large counts are summed in log space.
    for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) sum += Math.log(n - m + i) - Math.log(i);
  return sum;
}

/**
 * The fewest discordant pairs, all in one direction, for which the exact McNemar test (and
 * the exact sign-flip test) can reach `p < alpha`: 2·½ᵏ < alpha. Fewer paired tasks than this
 * can never show a significant difference.
 *
 * @example
 * ```ts
 * minimumDiscordantPairs(0.05); // 6, since 2/2⁵ = 0.0625 but 2/2⁶ ≈ 0.031
 * ```
 */
export function minimumDiscordantPairs(alpha: number): number {
  let k = 1;
  while (2 * 0.5 ** k >= alpha) k++;
  return k;
}
