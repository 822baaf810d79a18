import {
  type EvaluatePairwiseOptions as CoreEvaluatePairwiseOptions,
  type RunPairwiseOptions as CoreRunPairwiseOptions,
  evaluatePairwise as coreEvaluatePairwise,
  runPairwise as coreRunPairwise,
  type PairwiseRunResult,
  type PairwiseStore,
  type SuiteInput,
  type TraceSource,
  type Tracing,
} from "@ag2/eval-core";
import {
  checkOptionNames,
  EVALUATE_PAIRWISE_OPTION_NAMES,
  type OptionNames,
  RUN_PAIRWISE_OPTION_NAMES,
} from "@ag2/eval-core/internal";
import type { OtelTracingOptions } from "@ag2/eval-telemetry";
import { resolveStore, resolveTracing } from "./resolve-defaults.js";

/** Options of {@link runPairwise}: core's, with `tracing` optional, `storeDir` and `spanProcessors`. */
export interface RunPairwiseOptions extends Omit<CoreRunPairwiseOptions, "tracing"> {
  /** Save the comparison as `<storeDir>/<run_id>.json` (an `FsRunStore`). */
  readonly storeDir?: string;
  /** Default `otelTracing({ spanProcessors })`. */
  readonly tracing?: Tracing;
  readonly spanProcessors?: OtelTracingOptions["spanProcessors"];
}

/** Options of {@link evaluatePairwise}: core's, plus `storeDir`. */
export interface EvaluatePairwiseOptions extends CoreEvaluatePairwiseOptions {
  /** Save the comparison as `<storeDir>/<run_id>.json` (an `FsRunStore`). */
  readonly storeDir?: string;
}

const RUN_PAIRWISE_NAMES: OptionNames<RunPairwiseOptions> = {
  ...RUN_PAIRWISE_OPTION_NAMES,
  storeDir: true,
  spanProcessors: true,
};

const EVALUATE_PAIRWISE_NAMES: OptionNames<EvaluatePairwiseOptions> = {
  ...EVALUATE_PAIRWISE_OPTION_NAMES,
  storeDir: true,
};

/**
 * Runs two agents over a suite and compares them pair by pair, as `@ag2/eval-core`'s
 * `runPairwise`, tracing through OpenTelemetry by default; `storeDir` saves the comparison.
 *
 * @example
 * ```ts
 * import { pairwiseJudge, runPairwise } from "@ag2/eval";
 * const result = await runPairwise("evals/qa.jsonl", {
 *   variantA: oldAgent, variantB: newAgent,
 *   comparators: [pairwiseJudge(config, { criterion: "more helpful", key: "helpful" })],
 *   storeDir: ".ag2-eval/runs",
 * });
 * console.log(result.summary());
 * ```
 */
export async function runPairwise(
  suite: SuiteInput,
  options: RunPairwiseOptions,
): Promise<PairwiseRunResult> {
  checkOptionNames(options, RUN_PAIRWISE_NAMES, "runPairwise");
  const { storeDir, spanProcessors, store, tracing, ...rest } = options;
  return coreRunPairwise(suite, {
    ...rest,
    store: resolveStore<PairwiseStore>({ store, storeDir }, "runPairwise"),
    tracing: resolveTracing({ tracing, spanProcessors }, "runPairwise"),
  });
}

/**
 * Compares two sets of stored traces pair by pair, as `@ag2/eval-core`'s `evaluatePairwise`;
 * `storeDir` saves the comparison.
 *
 * @example
 * ```ts
 * const result = await evaluatePairwise(new DirectoryTraceSource("a/"), new DirectoryTraceSource("b/"), {
 *   comparators: [humanPairwise({ key: "preferred" })], storeDir: ".ag2-eval/runs",
 * });
 * ```
 */
export async function evaluatePairwise(
  sourceA: TraceSource,
  sourceB: TraceSource,
  options: EvaluatePairwiseOptions,
): Promise<PairwiseRunResult> {
  checkOptionNames(options, EVALUATE_PAIRWISE_NAMES, "evaluatePairwise");
  const { storeDir, store, ...rest } = options;
  return coreEvaluatePairwise(sourceA, sourceB, {
    ...rest,
    store: resolveStore<PairwiseStore>({ store, storeDir }, "evaluatePairwise"),
  });
}
