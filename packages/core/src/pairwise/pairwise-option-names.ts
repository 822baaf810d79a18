import type { OptionNames } from "../errors/check-option-names.js";
import type { EvaluatePairwiseOptions } from "./evaluate-pairwise.js";
import type { RunPairwiseOptions } from "./run-pairwise.js";

/** The options `evaluatePairwise` takes. */
export const EVALUATE_PAIRWISE_OPTION_NAMES: OptionNames<EvaluatePairwiseOptions> = {
  comparators: true,
  store: true,
  variantA: true,
  variantB: true,
  suite: true,
  concurrency: true,
  runId: true,
  label: true,
  stream: true,
  signal: true,
  comparatorTimeoutMs: true,
};

const { suite, ...sharedWithRunPairwise } = EVALUATE_PAIRWISE_OPTION_NAMES;

/** The options `runPairwise` takes. */
export const RUN_PAIRWISE_OPTION_NAMES: OptionNames<RunPairwiseOptions> = {
  ...sharedWithRunPairwise,
  variantAName: true,
  variantBName: true,
  tracing: true,
  modelConfig: true,
  taskTimeoutMs: true,
  retries: true,
  optionLabels: true,
  catchStrayErrors: true,
};
