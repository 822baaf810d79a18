import type { RunComparison } from "@ag2/eval";

/** A gate that did not hold, with the reason printed to the user. */
export interface GateFailure {
  readonly gate:
    | "min-pass-rate"
    | "fail-on-regression"
    | "fail-on-significant-regression"
    | "max-errors";
  readonly reason: string;
}

/**
 * Checks `--min-pass-rate` gates against a run's pass rates. A key the run has no pass rate
 * for fails too: a typo in a gate must not pass silently.
 *
 * @example
 * ```ts
 * checkMinPassRates({ passRates: { ok: 0.5 }, minPassRate: { ok: 0.9 } });
 * // [{ gate: "min-pass-rate", reason: "ok: pass rate 50.0% is below the minimum 90.0%" }]
 * ```
 */
export function checkMinPassRates(options: {
  passRates: Readonly<Record<string, number>>;
  minPassRate: Readonly<Record<string, number>>;
}): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const [key, minimum] of Object.entries(options.minPassRate).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const rate = options.passRates[key];
    if (rate === undefined) {
      const known = Object.keys(options.passRates).sort().join(", ") || "none";
      failures.push({
        gate: "min-pass-rate",
        reason: `${key}: the run has no pass rate for this key (keys: ${known})`,
      });
    } else if (rate < minimum) {
      failures.push({
        gate: "min-pass-rate",
        reason: `${key}: pass rate ${percent(rate)} is below the minimum ${percent(minimum)}`,
      });
    }
  }
  return failures;
}

/**
 * Checks `--fail-on-regression`: every task that flipped from pass to fail against the
 * baseline is a failure.
 *
 * @example
 * ```ts
 * checkRegressions({ baselineRunId: "r1", flippedToFail: [["ok", "t2"]] });
 * ```
 */
export function checkRegressions(options: {
  baselineRunId: string;
  flippedToFail: readonly (readonly [string, string])[];
}): GateFailure[] {
  if (options.flippedToFail.length === 0) return [];
  const list = options.flippedToFail.map(([key, taskId]) => `${key}:${taskId}`).join(", ");
  return [
    {
      gate: "fail-on-regression",
      reason: `${options.flippedToFail.length} task(s) went from pass to fail against ${options.baselineRunId}: ${list}`,
    },
  ];
}

/**
 * Checks `--fail-on-significant-regression`: one failure per key whose paired comparison
 * with the baseline has a "regression" verdict (p below alpha and an interval excluding 0).
 * A flip or two that the statistics cannot tell from noise passes.
 *
 * @example
 * ```ts
 * checkSignificantRegressions({ comparison: compareRuns(baseline, current) });
 * ```
 */
export function checkSignificantRegressions(options: { comparison: RunComparison }): GateFailure[] {
  const { comparison } = options;
  return comparison.regressions.map((key) => {
    const show = (value: number) =>
      key.kind === "pass-rate" ? percent(value) : String(Number(value.toPrecision(4)));
    const level = Math.round((1 - comparison.alpha) * 100);
    return {
      gate: "fail-on-significant-regression",
      reason:
        `${key.key}: ${show(key.baseline)} → ${show(key.current)} over ${key.tasks} task(s) against ${comparison.baselineRunId} ` +
        `(${level}% interval [${key.ci[0].toFixed(3)}, ${key.ci[1].toFixed(3)}], p=${key.pValue.toPrecision(2)})`,
    };
  });
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
