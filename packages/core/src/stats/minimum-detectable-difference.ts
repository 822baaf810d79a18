import { minimumDiscordantPairs } from "./mcnemar.js";
import { normalQuantile } from "./normal.js";

/** Inputs of {@link minimumDetectableDifference}. */
export interface MinimumDetectableDifferenceOptions {
  /** Per-task differences (current − baseline, each averaged over the task's repeats). */
  readonly differences: readonly number[];
  /** True for pass/fail keys: adds the exact floor of one discordant task per 1/n. */
  readonly binary: boolean;
  /** Two-sided significance level. Default 0.05. */
  readonly alpha?: number;
  /** Power to detect the difference. Default 0.8. */
  readonly power?: number;
}

/**
 * The smallest true mean difference the comparison would detect with the given power, for
 * the number of tasks at hand; `null` when no difference at all could reach significance.
 *
 * Formula (normal approximation of a paired test, documented so it can be checked):
 * `mdd = (z₁₋α/₂ + z_power) · s / √n`, where `n` is the number of tasks and `s` the sample
 * standard deviation of the per-task differences. For pass/fail keys it is raised to the
 * exact floor `k/n`, where `k` is the fewest discordant tasks, all one way, that make the
 * exact test significant (6 at α = 0.05): with no disagreement observed, `s` is 0 and the
 * floor is what remains. With fewer than `k` tasks the exact tests can never reach α (the
 * smallest possible p is 2/2ⁿ), so the answer is `null`.
 *
 * @example
 * ```ts
 * minimumDetectableDifference({ differences: new Array(100).fill(0), binary: true }); // 0.06
 * ```
 */
export function minimumDetectableDifference(
  options: MinimumDetectableDifferenceOptions,
): number | null {
  const { differences, binary, alpha = 0.05, power = 0.8 } = options;
  const n = differences.length;
  const floorTasks = minimumDiscordantPairs(alpha);
  if (n < floorTasks) return null;
  const mean = differences.reduce((sum, value) => sum + value, 0) / n;
  const variance = differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const approx = (z * Math.sqrt(variance)) / Math.sqrt(n);
  return binary ? Math.max(floorTasks / n, approx) : approx;
}
