import type { Agent, AgentFactory } from "../agent/agent.js";
import { flushTracing } from "../agent/flush-tracing.js";
import type { ModelConfigOption } from "../agent/resolve-model-config.js";
import type { Tracing } from "../agent/tracing.js";
import { checkOptionNames } from "../errors/check-option-names.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { checkConcurrency, checkName, checkRunId } from "../evaluate/check-run-options.js";
import { countTaskWarnings } from "../result/count-task-warnings.js";
import { produceTask } from "../run/produce-traces.js";
import { produceWithRetries } from "../run/produce-with-retries.js";
import { checkRetries, type RetryOptions } from "../run/retry-policy.js";
import type { OptionLabels } from "../run/run-agent-options.js";
import { StrayErrorWatch } from "../run/stray-error-watch.js";
import { checkInputs, resolveSuite, type SuiteInput } from "../suite/resolve-suite.js";
import type { Task } from "../suite/task.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { runLimited } from "../util/run-limited.js";
import { comparePairs, type EvaluatePairwiseOptions } from "./evaluate-pairwise.js";
import { RUN_PAIRWISE_OPTION_NAMES } from "./pairwise-option-names.js";
import type { PairwiseRunResult } from "./pairwise-run-result.js";

/** Options of {@link runPairwise}: two agents instead of two trace sources. */
export interface RunPairwiseOptions
  extends Omit<EvaluatePairwiseOptions, "suite" | "variantA" | "variantB"> {
  readonly variantA: Agent | AgentFactory;
  readonly variantB: Agent | AgentFactory;
  /** Names of the two variants in reports (default "A" and "B"). */
  readonly variantAName?: string;
  readonly variantBName?: string;
  readonly tracing: Tracing;
  /** The same config (or per-task map) for both variants. */
  readonly modelConfig?: ModelConfigOption | null;
  /** Per task: past this, the task's signal aborts and its trace records a timeout. */
  readonly taskTimeoutMs?: number;
  /** Ask again after transient agent failures, as `runAgent`'s option; the last ask is compared. */
  readonly retries?: RetryOptions | number;
  /** How recorded texts name the options (see `runAgent`'s `optionLabels`). */
  readonly optionLabels?: OptionLabels;
  /**
   * As `runAgent`'s: while the agents run and the comparators compare, what their code raises
   * outside any await becomes a warning naming the task (and variant) instead of crashing the
   * process, and work that can never settle rejects with a `RunNeverSettledError` naming the
   * pending tasks. Off by default: it installs process-wide handlers (the CLI turns it on).
   *
   * @example
   * ```ts
   * const result = await runPairwise(suite, { ...options, catchStrayErrors: true });
   * result.warnings; // ["unhandled promise rejection in task t1 of B (ignored, …): Error: …"]
   * ```
   */
  readonly catchStrayErrors?: boolean;
}

/**
 * Runs two agents over a suite, all of A then all of B (no repeats, no budgets, as in the
 * reference), then compares them pair by pair with {@link evaluatePairwise}. Agent failures
 * are recorded on their traces and compared like any other answer. Observer failures the
 * tracing reports land in `warnings`, one line each, counted over the tasks of both variants.
 *
 * @example
 * ```ts
 * const result = await runPairwise("evals/qa.jsonl", {
 *   variantA: oldAgent, variantB: newAgent, variantAName: "old", variantBName: "new",
 *   comparators: [pairwiseJudge(config, { criterion: "more helpful", key: "helpfulness" })], tracing: eventTracing(),
 * });
 * result.winRate("helpfulness").rate;
 * ```
 */
export async function runPairwise(
  suiteInput: SuiteInput,
  options: RunPairwiseOptions,
): Promise<PairwiseRunResult> {
  const caller = "runPairwise";
  checkOptionNames(options, RUN_PAIRWISE_OPTION_NAMES, caller);
  const suite = await resolveSuite(suiteInput, caller);
  checkInputs(suite);
  const concurrency = checkConcurrency(options.concurrency, caller);
  const runId = checkRunId(options.runId, caller);
  const variantA = checkName(options.variantAName, "variantAName", caller) ?? "A";
  const variantB = checkName(options.variantBName, "variantBName", caller) ?? "B";
  if (typeof options.tracing?.startTask !== "function") {
    throw new InvalidOptionError(
      "tracing",
      `${caller}: option 'tracing' must be a Tracing; got ${typeof options.tracing}`,
    );
  }
  const retries = checkRetries(options.retries, caller);
  const warnings: string[] = [];
  const watch = options.catchStrayErrors ? new StrayErrorWatch({ warnings, runId }) : null;
  const tracingWarnings: (readonly string[] | undefined)[] = [];
  const produce = async (agent: Agent | AgentFactory, name: string) => {
    const produceOptions = {
      agent,
      tracing: options.tracing,
      runId,
      attributes: { "ag2.eval.run_id": runId, "ag2.eval.variant": name },
      modelConfig: options.modelConfig,
      signal: options.signal,
      taskTimeoutMs: options.taskTimeoutMs,
      timeoutLabel: options.optionLabels?.taskTimeoutMs,
    };
    const produceOne = async (task: Task) =>
      retries
        ? (await produceWithRetries(task, produceOptions, retries)).produced
        : await produceTask(task, produceOptions);
    const produced = await runLimited(
      suite.tasks,
      { concurrency, signal: options.signal },
      (task) =>
        watch ? watch.run(`${task.taskId} of ${name}`, () => produceOne(task)) : produceOne(task),
    );
    for (const p of produced) tracingWarnings.push(p.warnings);
    return new InMemoryTraceSource(
      produced.map((p) => [{ ...p.ref, taskId: p.task.taskId }, p.trace] as const),
    );
  };
  const work = async (): Promise<PairwiseRunResult> => {
    const sourceA = await produce(options.variantA, variantA);
    const sourceB = await produce(options.variantB, variantB);
    const late = await flushTracing(options.tracing, { reported: tracingWarnings });
    // the watch's warnings so far, then what it catches while the comparators run
    warnings.unshift(...countTaskWarnings(tracingWarnings), ...late);
    return comparePairs(
      sourceA,
      sourceB,
      { ...options, suite, variantA, variantB, runId, concurrency },
      { warnings, watch },
    );
  };
  if (!watch) return work();
  try {
    return await watch.settle(work());
  } finally {
    watch.dispose();
  }
}
