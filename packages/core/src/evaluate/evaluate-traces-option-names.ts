import type { OptionNames } from "../errors/check-option-names.js";
import type { EvaluateTracesOptions } from "./evaluate-traces.js";

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
