import { Ag2EvalError } from "../errors/ag2-eval-error.js";

function check(fn: string, n: number, c: number, k: number): void {
  const ok = Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k);
  if (!ok || n < 1 || c < 0 || c > n || k < 1 || k > n) {
    throw new Ag2EvalError(
      `${fn}: expected integers with 0 ≤ c ≤ n and 1 ≤ k ≤ n; got n=${n}, c=${c}, k=${k}`,
    );
  }
}

/**
 * pass@k, the unbiased estimator 1 − C(n−c, k)/C(n, k): the chance that at least one of k
 * repeats drawn without replacement from n (c of which passed) passes.
 *
 * @example
 * ```ts
 * passAtK(5, 2, 1); // 0.4
 * passAtK(5, 2, 2); // 0.7 (1 − C(3,2)/C(5,2) = 1 − 3/10)
 * ```
 */
export function passAtK(n: number, c: number, k: number): number {
  check("passAtK", n, c, k);
  // The ratio as a running product stays exact-ish and never overflows.
  let allFail = 1;
  for (let i = 0; i < k; i++) allFail *= (n - c - i) / (n - i);
  return 1 - Math.max(0, allFail);
}

/**
 * pass^k, C(c, k)/C(n, k): the chance that all of k repeats drawn without replacement pass,
 * the reliability measure for agents that must succeed every time.
 *
 * @example
 * ```ts
 * passHatK(5, 2, 2); // 0.1 (C(2,2)/C(5,2))
 * passHatK(5, 2, 3); // 0
 * ```
 */
export function passHatK(n: number, c: number, k: number): number {
  check("passHatK", n, c, k);
  let allPass = 1;
  for (let i = 0; i < k; i++) allPass *= (c - i) / (n - i);
  return Math.max(0, allPass);
}

/**
 * The chance that two different repeats of a task disagree, 2·c·(n−c) / (n·(n−1)). It does
 * not depend on the order of the repeats (which is arbitrary under concurrency); 0 for a
 * stable task or a single repeat.
 *
 * @example
 * ```ts
 * flipRate([true, false]);             // 1
 * flipRate([true, true, false, true]); // 0.5
 * ```
 */
export function flipRate(outcomes: readonly boolean[]): number {
  const n = outcomes.length;
  if (n < 2) return 0;
  const c = outcomes.filter(Boolean).length;
  return (2 * c * (n - c)) / (n * (n - 1));
}
