import type { EvaluateTracesOptions } from "../evaluate/evaluate-traces.js";
import type { EvaluatePairwiseOptions } from "../pairwise/evaluate-pairwise.js";
import type { RunPairwiseOptions } from "../pairwise/run-pairwise.js";
import type { RunAgentOptions } from "../run/run-agent-options.js";
import type { RunVariantsOptions } from "../variants/run-variants.js";
import type { OptionNames } from "./check-option-names.js";

/** The options `runAgent` takes; `@ag2/eval` adds its own to these. */
export const RUN_AGENT_OPTION_NAMES: OptionNames<RunAgentOptions> = {
  agent: true,
  scorers: true,
  store: true,
  tracing: true,
  modelConfig: true,
  fetch: true,
  runFileFields: true,
  repeats: true,
  budgets: true,
  concurrency: true,
  runId: true,
  label: true,
  stream: true,
  variant: true,
  spanAttributes: true,
  signal: true,
  taskTimeoutMs: true,
  resume: true,
  retries: true,
  runBudget: true,
  overwrite: true,
  shard: true,
  scorerTimeoutMs: true,
  catchStrayErrors: true,
};

const { agent, variant, resume, ...sharedWithVariants } = RUN_AGENT_OPTION_NAMES;

/** The options `runVariants` takes. */
export const RUN_VARIANTS_OPTION_NAMES: OptionNames<RunVariantsOptions> = {
  ...sharedWithVariants,
  variants: true,
};

/** The options `evaluateTraces` takes. */
export const EVALUATE_TRACES_OPTION_NAMES: OptionNames<EvaluateTracesOptions> = {
  scorers: true,
  store: true,
  suite: true,
  budgets: true,
  concurrency: true,
  runId: true,
  label: true,
  stream: true,
  signal: true,
  scorerTimeoutMs: true,
};

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
};
