// Type-level checks of the `*Init` interfaces, which take their fields' types and docs from
// their class: tsc compiles this file in `pnpm build`, so adding, dropping or making optional
// a field of a public Init (a contract) fails the build. At run time it only defines values.
import type { RunComparison, RunComparisonInit } from "./compare/run-comparison.js";
import type { RunDiff, RunDiffInit } from "./compare/run-diff.js";
import type { PairwiseRunResult } from "./pairwise/pairwise-run-result.js";
import type { PairwiseRunResultInit } from "./pairwise/pairwise-types.js";
import type { RunData, RunResultInit } from "./result/run-data.js";
import type { RunResult } from "./run-result/run-result.js";
import type { Trace, TraceInit } from "./trace/trace.js";
import type { VariantRunResult, VariantRunResultInit } from "./variants/variant-run-result.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type RequiredKeys<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K;
}[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
/** `[required keys, optional keys]` of an Init, each compared with what it must be. */
type Shape<Init, Required, Optional> = [
  Equal<RequiredKeys<Init>, Required>,
  Equal<OptionalKeys<Init>, Optional>,
];

export const initShapes: [
  Shape<
    RunDiffInit,
    | "currentRunId"
    | "baselineRunId"
    | "comparableTasks"
    | "passRateDeltas"
    | "meanDeltas"
    | "flippedToFail"
    | "flippedToPass"
    | "onlyInCurrent"
    | "onlyInBaseline"
    | "contentChanged"
    | "scorersOnlyInCurrent"
    | "scorersOnlyInBaseline",
    "passRateIntervals" | "meanIntervals"
  >,
  Shape<
    RunComparisonInit,
    "baselineRunId" | "currentRunId" | "comparableTasks" | "keys" | "alpha" | "seed" | "resamples",
    never
  >,
  Shape<
    PairwiseRunResultInit,
    "runId" | "createdAt" | "durationMs" | "variantA" | "variantB" | "nPairs" | "keys" | "cases",
    "label" | "warnings" | "saveError"
  >,
  Shape<
    VariantRunResultInit,
    "runId" | "axis" | "results" | "createdAt" | "durationMs",
    "label" | "failures" | "saveError" | "order"
  >,
  Shape<TraceInit, never, "events" | "exception" | "durationMs" | "tokens">,
  Shape<
    RunResultInit,
    "runId" | "tasks" | "suite" | "target" | "concurrency" | "durationMs" | "createdAt",
    "label" | "warnings" | "stopReason" | "saveError" | "extraFields" | "scoreDirections"
  >,
] = [
  [true, true],
  [true, true],
  [true, true],
  [true, true],
  [true, true],
  [true, true],
];

/** A built object is a valid Init of its own class: its fields are the Init's, same types. */
export function instancesAreTheirInits(built: {
  diff: RunDiff;
  comparison: RunComparison;
  pairwise: PairwiseRunResult;
  sweep: VariantRunResult;
  trace: Trace;
  run: RunResult;
}): [
  RunDiffInit,
  RunComparisonInit,
  PairwiseRunResultInit,
  VariantRunResultInit,
  TraceInit,
  RunData,
] {
  return [built.diff, built.comparison, built.pairwise, built.sweep, built.trace, built.run];
}

export function initFieldTypes(): RunDiffInit[] {
  const diff: RunDiffInit = {
    currentRunId: "b",
    baselineRunId: "a",
    comparableTasks: ["t1"],
    passRateDeltas: { ok: [0.5, 1] },
    meanDeltas: {},
    flippedToFail: [],
    flippedToPass: [["ok", "t1"]],
    onlyInCurrent: [],
    onlyInBaseline: [],
    contentChanged: [],
    scorersOnlyInCurrent: [],
    scorersOnlyInBaseline: [],
  };
  return [
    diff,
    { ...diff, passRateIntervals: undefined, meanIntervals: { score: [-0.1, 0.2] } },
    // @ts-expect-error a delta is `[baseline, current]`, not one number
    { ...diff, passRateDeltas: { ok: 0.5 } },
    // @ts-expect-error `regressions` is computed by the diff, not given to it
    { ...diff, regressions: [] },
  ];
}
