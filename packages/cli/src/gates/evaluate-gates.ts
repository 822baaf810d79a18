import type { RunResult, RunStore } from "@ag2/eval";
import { compareRuns } from "@ag2/eval";
import { UsageError } from "../args/usage-error.js";
import {
  checkMinPassRates,
  checkRegressions,
  checkSignificantRegressions,
  type GateFailure,
} from "./gate-checks.js";
import type { GatePlan } from "./gate-plan.js";
import { checkMaxErrors } from "./max-errors.js";

/** The outcome of a run's gates. */
export interface GateOutcome {
  readonly failures: readonly GateFailure[];
  /** The run the regression gate compared against, or null. */
  readonly baselineRunId: string | null;
  /** Things the user should know that did not fail a gate. */
  readonly notes: readonly string[];
  /** How many gates were checked (0 when none was asked for). */
  readonly checked: number;
}

/**
 * Checks a finished run against the gates. The regression gate needs a baseline: the one
 * named, or else the newest other run with the same label; with none saved yet it is
 * skipped with a note (a first run has nothing to regress from).
 *
 * @example
 * ```ts
 * const outcome = await evaluateGates({ result, store, gates: { minPassRate: { ok: 0.9 }, failOnRegression: true, failOnSignificantRegression: false, baseline: undefined, maxErrors: { count: 0 } } });
 * if (outcome.failures.length > 0) process.exitCode = 1;
 * ```
 */
export async function evaluateGates(options: {
  result: RunResult;
  store: RunStore;
  gates: GatePlan;
}): Promise<GateOutcome> {
  const { result, store, gates } = options;
  const failures: GateFailure[] = [
    ...checkMinPassRates({ passRates: result.aggregates.passRate, minPassRate: gates.minPassRate }),
    ...checkMaxErrors({
      errors: result.aggregates.errors,
      runs: result.tasks.length,
      limit: gates.maxErrors,
    }),
  ];
  const notes: string[] = [];
  let baselineRunId: string | null = null;
  const gateNames = [
    ...(gates.failOnRegression ? ["fail-on-regression"] : []),
    ...(gates.failOnSignificantRegression ? ["fail-on-significant-regression"] : []),
  ];
  if (gateNames.length > 0) {
    baselineRunId = gates.baseline ?? (await newestOther({ store, result }));
    if (baselineRunId === null) {
      notes.push(
        `${gateNames.join(", ")}: no earlier run with this label to compare against; gate skipped`,
      );
    } else {
      if (baselineRunId === result.runId) {
        throw new UsageError(`--baseline: ${baselineRunId} is the run being checked`, {
          hint: "name an earlier run (ag2-eval list)",
        });
      }
      const baseline = await store.load(baselineRunId);
      const diff = result.diff(baseline, { strict: false });
      if (gates.failOnRegression) {
        failures.push(...checkRegressions({ baselineRunId, flippedToFail: diff.flippedToFail }));
      }
      if (gates.failOnSignificantRegression) {
        failures.push(
          ...checkSignificantRegressions({ comparison: compareRuns(baseline, result) }),
        );
      }
      const excluded =
        diff.onlyInCurrent.length + diff.onlyInBaseline.length + diff.contentChanged.length;
      if (excluded > 0)
        notes.push(
          `${gateNames.join(", ")}: ${excluded} task(s) not comparable with ${baselineRunId} were left out`,
        );
    }
  }
  const checked =
    Object.keys(gates.minPassRate).length +
    (gates.maxErrors === null ? 0 : 1) +
    (baselineRunId === null ? 0 : gateNames.length);
  return { failures, baselineRunId, notes, checked };
}

async function newestOther(options: {
  store: RunStore;
  result: RunResult;
}): Promise<string | null> {
  const { store, result } = options;
  const runs = await store.list(result.label === null ? {} : { label: result.label });
  const earlier = runs.find(
    (run) => run.runId !== result.runId && run.createdAt <= result.createdAt,
  );
  return earlier?.runId ?? null;
}

/**
 * Prints gate results: one line per failure (with the reason) and per note.
 *
 * @example
 * ```ts
 * io.stderr.write(formatGateOutcome(outcome));
 * ```
 */
export function formatGateOutcome(outcome: GateOutcome): string {
  const lines = [
    ...outcome.notes.map((note) => `note: ${note}`),
    ...outcome.failures.map((failure) => `gate failed (${failure.gate}): ${failure.reason}`),
  ];
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
