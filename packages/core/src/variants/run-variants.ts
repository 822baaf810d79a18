import { checkOptionNames } from "../errors/check-option-names.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { checkName, checkRunId } from "../evaluate/check-run-options.js";
import {
  evalEvent,
  type VariantCompleted,
  type VariantStarted,
} from "../events/lifecycle-events.js";
import { runAgent } from "../run/run-agent.js";
import type { RunAgentOptions } from "../run/run-agent-options.js";
import { RunExistsError } from "../run/run-exists-error.js";
import type { RunResult } from "../run-result/run-result.js";
import type { RunStore } from "../run-result/run-store.js";
import { resolveSuite, type SuiteInput } from "../suite/resolve-suite.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import { isoUtcNow } from "../util/iso-utc.js";
import { slug } from "../util/slug.js";
import { RUN_VARIANTS_OPTION_NAMES } from "./run-variants-option-names.js";
import { type VariantManifest, VariantRunResult } from "./variant-run-result.js";
import { type VariantAgents, Variants } from "./variants.js";

/**
 * A store that can also remember sweeps. `RunStore` keeps only runs, so the manifest of a
 * sweep goes through this optional, narrow extension; a store without `saveManifest` simply
 * keeps the variant runs (the manifest is still on the result, `sweep.manifest`).
 */
export interface VariantManifestStore {
  saveManifest(manifest: VariantManifest): Promise<void>;
}

/** Options of {@link runVariants}: those of `runAgent`, with `variants` in place of `agent`. */
export interface RunVariantsOptions
  extends Omit<
    RunAgentOptions,
    "agent" | "variant" | "resume" | "resumeJournal" | "allowAgentChange" | "store" | "invocation"
  > {
  readonly variants: Variants | VariantAgents;
  /** Each variant's run is saved here; with `saveManifest`, the sweep's manifest too. */
  readonly store: (RunStore & Partial<VariantManifestStore>) | null;
}

/**
 * Runs every variant over the same suite, one after another, in order: each is a
 * `runAgent` with run id `<runId>-<slug(name)>` and `variant: name`, between `VariantStarted`
 * and `VariantCompleted` events. A failing agent is recorded per task as usual; a variant
 * run the store could not save keeps its journal and carries `saveError`; a variant whose
 * whole run fails (the store could not open its journal, or, with `catchStrayErrors`, a
 * `RunNeverSettledError`) is recorded in `failures`; either way the sweep goes on. A manifest
 * the store could not save is the sweep's `saveError`. Invalid options and cancellation reject.
 *
 * @example
 * ```ts
 * const sweep = await runVariants("evals/qa.jsonl", {
 *   variants: new Variants({ "gpt-4o": big, mini: small }, { axis: "model" }),
 *   scorers: [correct], tracing: eventTracing(), store: null, repeats: 3,
 * });
 * console.log(sweep.summary("correct"));
 * ```
 */
export async function runVariants(
  suiteInput: SuiteInput,
  options: RunVariantsOptions,
): Promise<VariantRunResult> {
  const caller = "runVariants";
  checkOptionNames(options, RUN_VARIANTS_OPTION_NAMES, caller);
  const started = performance.now();
  const createdAt = isoUtcNow();
  const variants =
    options.variants instanceof Variants ? options.variants : asVariants(options.variants);
  const runId = checkRunId(options.runId, caller);
  const label = checkName(options.label, "label", caller);
  const suite = await resolveSuite(suiteInput, caller);
  const { variants: _, store, stream, ...shared } = options;
  const results = new Map<string, RunResult>();
  const failures = new Map<string, ErrorInfo>();
  let index = 0;
  for (const [name, agent] of variants) {
    index++;
    stream?.publish(
      evalEvent<VariantStarted>({
        type: "VariantStarted",
        runId,
        label,
        variant: name,
        index,
        total: variants.size,
      }),
    );
    let result: RunResult;
    try {
      result = await runAgent(suite, {
        ...shared,
        store,
        stream,
        agent,
        label,
        runId: `${runId}-${slug(name)}`,
        variant: name,
      });
    } catch (error) {
      // Cancellation and the caller's own mistakes would repeat for every variant: stop.
      options.signal?.throwIfAborted();
      if (InvalidOptionError.isInstance(error) || RunExistsError.isInstance(error)) throw error;
      const { type, message } = toErrorInfo(error);
      failures.set(name, { type, message });
      continue;
    }
    results.set(name, result);
    stream?.publish(
      evalEvent<VariantCompleted>({
        type: "VariantCompleted",
        runId,
        label,
        variant: name,
        result,
      }),
    );
  }
  const init = {
    runId,
    axis: variants.axis,
    label,
    results,
    failures,
    order: variants.names,
    createdAt,
    durationMs: Math.trunc(performance.now() - started),
  };
  const sweep = new VariantRunResult(init);
  try {
    await store?.saveManifest?.(sweep.manifest);
  } catch (error) {
    // the variant runs are saved: a lost manifest must not lose the sweep's results too
    return new VariantRunResult({ ...init, saveError: toErrorInfo(error) });
  }
  return sweep;
}

function asVariants(value: unknown): Variants {
  if (typeof value !== "object" || value === null) {
    throw new InvalidOptionError(
      "variants",
      `runVariants: option 'variants' must be a Variants or an object of name → agent; got ${value === null ? "null" : typeof value}`,
    );
  }
  return new Variants(value as VariantAgents);
}
