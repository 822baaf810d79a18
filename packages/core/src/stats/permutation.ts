import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import { seededRandom } from "./seeded-random.js";

/** Options of {@link signFlipTest}. */
export interface SignFlipOptions {
  /** Seed for the Monte Carlo case. Default 0. */
  readonly seed?: number;
  /** Random sign assignments drawn when the exact test is too large. Default 2000. */
  readonly resamples?: number;
  /** Largest number of non-zero differences tested exactly (2ⁿ assignments). Default 16. */
  readonly exactLimit?: number;
}

// Sums of floating-point differences that are equal on paper can differ in the last bits.
const TOLERANCE = 1e-12;

/**
 * Two-sided paired sign-flip permutation test of "the mean difference is zero": the share of
 * sign assignments to the per-task differences whose |sum| is at least the observed |sum|.
 * Exact (every one of the 2ⁿ assignments) when at most `exactLimit` differences are non-zero,
 * otherwise Monte Carlo with a seeded generator and the (count + 1) / (resamples + 1) estimate.
 * Zero differences cannot change sign and are left out. 1 when every difference is zero.
 *
 * @example
 * ```ts
 * signFlipTest([1, 2, 3, 4, 5, 6]); // 2/64 = 0.03125: only all-plus and all-minus are as extreme
 * ```
 */
export function signFlipTest(
  differences: readonly number[],
  options: SignFlipOptions = {},
): number {
  const { seed = 0, resamples = 2000, exactLimit = 16 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new Ag2EvalError(`signFlipTest: resamples must be a positive integer; got ${resamples}`);
  }
  const values = differences.filter((value) => value !== 0).map(Math.abs);
  const n = values.length;
  if (n === 0) return 1;
  const observed = Math.abs(differences.reduce((sum, value) => sum + value, 0)) - TOLERANCE;
  const total = values.reduce((sum, value) => sum + value, 0);
  // Past 2^24 assignments the exact loop costs more than it is worth; sample instead.
  if (n <= Math.min(exactLimit, 24)) {
    let extreme = 0;
    const assignments = 2 ** n;
    for (let mask = 0; mask < assignments; mask++) {
      let negative = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) negative += values[i]!;
      if (Math.abs(total - 2 * negative) >= observed) extreme++;
    }
    return extreme / assignments;
  }
  const random = seededRandom(seed);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += random() < 0.5 ? -values[i]! : values[i]!;
    if (Math.abs(sum) >= observed) extreme++;
  }
  return (extreme + 1) / (resamples + 1);
}
