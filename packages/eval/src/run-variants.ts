import {
  type RunVariantsOptions as CoreRunVariantsOptions,
  runVariants as coreRunVariants,
  type RunStore,
  type SuiteInput,
  type Tracing,
  type VariantManifestStore,
  type VariantRunResult,
} from "@ag2/eval-core";
import {
  checkOptionNames,
  type OptionNames,
  RUN_VARIANTS_OPTION_NAMES,
} from "@ag2/eval-core/internal";
import type { OtelTracingOptions } from "@ag2/eval-telemetry";
import { resolveStore, resolveTracing } from "./resolve-defaults.js";

/** Options of {@link runVariants}: core's, with `store`/`tracing` optional, `storeDir` and `spanProcessors`. */
export interface RunVariantsOptions extends Omit<CoreRunVariantsOptions, "store" | "tracing"> {
  readonly store?: (RunStore & Partial<VariantManifestStore>) | null;
  /** Save every variant's run, and the sweep's manifest, in this folder (an `FsRunStore`). */
  readonly storeDir?: string;
  /** Default `otelTracing({ spanProcessors })`. */
  readonly tracing?: Tracing;
  readonly spanProcessors?: OtelTracingOptions["spanProcessors"];
}

const RUN_VARIANTS_NAMES: OptionNames<RunVariantsOptions> = {
  ...RUN_VARIANTS_OPTION_NAMES,
  storeDir: true,
  spanProcessors: true,
};

/**
 * Runs every variant over the same suite, as `@ag2/eval-core`'s `runVariants`, tracing through
 * OpenTelemetry by default; `storeDir` keeps each variant's run and the sweep's manifest.
 *
 * @example
 * ```ts
 * import { runVariants, Variants } from "@ag2/eval";
 * const sweep = await runVariants("evals/qa.jsonl", {
 *   variants: new Variants({ "gpt-4o": big, mini: small }, { axis: "model" }),
 *   scorers: [correct], storeDir: ".ag2-eval/runs",
 * });
 * console.log(sweep.summary("correct"));
 * ```
 */
export async function runVariants(
  suite: SuiteInput,
  options: RunVariantsOptions,
): Promise<VariantRunResult> {
  checkOptionNames(options, RUN_VARIANTS_NAMES, "runVariants");
  const { storeDir, spanProcessors, store, tracing, ...rest } = options;
  return coreRunVariants(suite, {
    ...rest,
    store: resolveStore({ store, storeDir }, "runVariants"),
    tracing: resolveTracing({ tracing, spanProcessors }, "runVariants"),
  });
}
