import {
  type RunAgentOptions as CoreRunAgentOptions,
  runAgent as coreRunAgent,
  type RunResult,
  type RunStore,
  type SuiteInput,
  type Tracing,
} from "@ag2/eval-core";
import {
  checkOptionNames,
  type OptionNames,
  RUN_AGENT_OPTION_NAMES,
} from "@ag2/eval-core/internal";
import type { OtelTracingOptions } from "@ag2/eval-telemetry";
import { resolveStore, resolveTracing } from "./resolve-defaults.js";

/**
 * Options of {@link runAgent}: core's, with `store` and `tracing` optional, plus `storeDir`
 * (a folder of run files) and `spanProcessors` (extra processors for the default tracing).
 */
export interface RunAgentOptions extends Omit<CoreRunAgentOptions, "store" | "tracing"> {
  /** Where to save the run; absent or null = don't save (unless `storeDir` is given). */
  readonly store?: RunStore | null;
  /** Save the run as `<storeDir>/<run_id>.json` (an `FsRunStore`); resumable with `resume`. */
  readonly storeDir?: string;
  /** How each task's trace is recorded; default `otelTracing({ spanProcessors })`. */
  readonly tracing?: Tracing;
  /** Extra span processors (e.g. an OTLP exporter) for the default tracing. */
  readonly spanProcessors?: OtelTracingOptions["spanProcessors"];
}

const RUN_AGENT_NAMES: OptionNames<RunAgentOptions> = {
  ...RUN_AGENT_OPTION_NAMES,
  storeDir: true,
  spanProcessors: true,
};

/**
 * Runs an agent over a suite and grades every run, as `@ag2/eval-core`'s `runAgent`, with
 * the reference's defaults: traces come from OpenTelemetry spans (`otelTracing()`), and
 * `storeDir` saves the run as a file (crash-safe; continue a killed run with `resume`).
 *
 * @example
 * ```ts
 * import { runAgent, toolCalled } from "@ag2/eval";
 * const result = await runAgent("evals/weather.jsonl", {
 *   agent, scorers: [toolCalled("get_weather")], storeDir: ".ag2-eval/runs", label: "nightly",
 * });
 * console.log(result.summary());
 * ```
 */
export async function runAgent(suite: SuiteInput, options: RunAgentOptions): Promise<RunResult> {
  checkOptionNames(options, RUN_AGENT_NAMES, "runAgent");
  const { storeDir, spanProcessors, store, tracing, ...rest } = options;
  return coreRunAgent(suite, {
    ...rest,
    store: resolveStore({ store, storeDir }, "runAgent"),
    tracing: resolveTracing({ tracing, spanProcessors }, "runAgent"),
  });
}
