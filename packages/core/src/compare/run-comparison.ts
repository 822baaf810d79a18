import type { Interval } from "../stats/wilson.js";
import { formatNumber } from "../util/format-number.js";
import { formatFixed, padRight } from "../util/python-format.js";

/** What {@link compareRuns} decided for one key. */
export type ComparisonVerdict = "regression" | "improvement" | "no-detectable-difference";

/** The paired comparison of one feedback key between two runs. */
export interface KeyComparison {
  readonly key: string;
  /** "pass-rate" for boolean keys, "mean" for numeric ones. */
  readonly kind: "pass-rate" | "mean";
  /** Comparable tasks with a score for this key on both sides. */
  readonly tasks: number;
  /** Mean over those tasks of each task's mean score (its pass rate, for booleans). */
  readonly baseline: number;
  readonly current: number;
  /** current − baseline. */
  readonly difference: number;
  /** Paired bootstrap interval of the difference at 1 − alpha. */
  readonly ci: Interval;
  readonly pValue: number;
  /**
   * The test behind `pValue`: exact McNemar for boolean keys with one run per task on each
   * side, else the sign-flip permutation test on per-task differences.
   */
  readonly test: "mcnemar-exact" | "sign-flip-permutation";
  /** Tested with McNemar: tasks that went pass→fail and fail→pass; null otherwise. */
  readonly discordant: { readonly toFail: number; readonly toPass: number } | null;
  readonly verdict: ComparisonVerdict;
  /** Smallest true difference these tasks would detect (80% power); null when none could be. */
  readonly minimumDetectableDifference: number | null;
}

/** What a {@link RunComparison} is built from: its fields. */
export interface RunComparisonInit
  extends Pick<
    RunComparison,
    "baselineRunId" | "currentRunId" | "comparableTasks" | "keys" | "alpha" | "seed" | "resamples"
  > {}

/**
 * The result of `compareRuns`: per key, the difference between two runs with its interval,
 * p-value and verdict.
 *
 * @example
 * ```ts
 * const comparison = compareRuns(baseline, current, { seed: 1 });
 * comparison.regressions.map((k) => k.key); // ["correct"]
 * ```
 */
export class RunComparison {
  readonly baselineRunId: string;
  readonly currentRunId: string;
  /** Original task ids (repeat suffix removed), sorted. */
  readonly comparableTasks: readonly string[];
  /** Sorted by key. */
  readonly keys: readonly KeyComparison[];
  readonly alpha: number;
  readonly seed: number;
  readonly resamples: number;

  constructor(init: RunComparisonInit) {
    this.baselineRunId = init.baselineRunId;
    this.currentRunId = init.currentRunId;
    this.comparableTasks = Object.freeze([...init.comparableTasks]);
    this.keys = Object.freeze([...init.keys]);
    this.alpha = init.alpha;
    this.seed = init.seed;
    this.resamples = init.resamples;
  }

  /** The comparison of one key, or undefined when neither run scored it on comparable tasks. */
  key(key: string): KeyComparison | undefined {
    return this.keys.find((k) => k.key === key);
  }

  /** Keys that got significantly worse. */
  get regressions(): readonly KeyComparison[] {
    return this.keys.filter((k) => k.verdict === "regression");
  }

  /** Keys that got significantly better. */
  get improvements(): readonly KeyComparison[] {
    return this.keys.filter((k) => k.verdict === "improvement");
  }

  /**
   * One line per key: baseline → current, the difference with its interval (percentage
   * points for pass rates), the p-value and the test behind it, the verdict and the minimum
   * detectable difference. Means are written with significant digits (`0.0000532`).
   */
  summary(): string {
    const level = formatFixed((1 - this.alpha) * 100, { precision: 0 });
    const lines = [
      `Compare ${this.currentRunId} vs ${this.baselineRunId}  —  ${this.comparableTasks.length} comparable task(s), ${level}% intervals, seed ${this.seed}, ${this.resamples} resamples`,
    ];
    for (const k of this.keys) {
      const pct = k.kind === "pass-rate";
      // means in significant digits: a cost of $0.0000532 would print as 0.00
      const fixed = (value: number, sign = false, width = 0) =>
        pct
          ? formatFixed(value * 100, { precision: 1, sign, width })
          : formatNumber(value, { sign });
      const values = pct
        ? `${fixed(k.baseline, false, 5)}% -> ${fixed(k.current, false, 5)}%`
        : `mean ${fixed(k.baseline)} -> ${fixed(k.current)}`;
      const mdd =
        k.minimumDetectableDifference === null
          ? "too few tasks to detect any difference"
          : `detectable ≥ ${fixed(k.minimumDetectableDifference)}${pct ? " pts" : ""}`;
      const verdict =
        k.verdict === "regression"
          ? "REGRESSION"
          : k.verdict === "improvement"
            ? "improvement"
            : "no detectable difference";
      lines.push(
        `  ${padRight(k.key, 24)} ${values}   ${fixed(k.difference, true)} [${fixed(k.ci[0], true)}, ${fixed(k.ci[1], true)}]  p=${formatP(k.pValue)} (${k.test})  ${verdict}  (${mdd}, n=${k.tasks})`,
      );
    }
    return lines.join("\n");
  }
}

function formatP(p: number): string {
  return p < 0.0001 ? "<0.0001" : formatFixed(p, { precision: 4 });
}
