import {
  type EvaluateTracesOptions as CoreEvaluateTracesOptions,
  evaluateTraces as coreEvaluateTraces,
  type RunResult,
  type TraceSource,
} from "@ag2/eval-core";
import {
  checkOptionNames,
  EVALUATE_TRACES_OPTION_NAMES,
  type OptionNames,
} from "@ag2/eval-core/internal";
import { resolveStore } from "./resolve-defaults.js";

/** Options of {@link evaluateTraces}: core's, plus `storeDir` (a folder of run files). */
export interface EvaluateTracesOptions extends CoreEvaluateTracesOptions {
  /** Save the run as `<storeDir>/<run_id>.json` (an `FsRunStore`). */
  readonly storeDir?: string;
}

const EVALUATE_TRACES_NAMES: OptionNames<EvaluateTracesOptions> = {
  ...EVALUATE_TRACES_OPTION_NAMES,
  storeDir: true,
};

/**
 * Grades stored traces (a directory of span files, an OTLP file, Tempo, memory) exactly as a
 * live run would, as `@ag2/eval-core`'s `evaluateTraces`, with `storeDir` to save the run.
 *
 * @example
 * ```ts
 * import { DirectoryTraceSource, evaluateTraces, noToolErrors } from "@ag2/eval";
 * const result = await evaluateTraces(new DirectoryTraceSource("traces/"), {
 *   scorers: [noToolErrors()], storeDir: ".ag2-eval/runs",
 * });
 * ```
 */
export async function evaluateTraces(
  source: TraceSource,
  options: EvaluateTracesOptions,
): Promise<RunResult> {
  checkOptionNames(options, EVALUATE_TRACES_NAMES, "evaluateTraces");
  const { storeDir, store, ...rest } = options;
  return coreEvaluateTraces(source, {
    ...rest,
    store: resolveStore({ store, storeDir }, "evaluateTraces"),
  });
}
