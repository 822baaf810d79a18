import type { Agent, AgentFactory } from "../agent/agent.js";
import type { ModelConfigOption } from "../agent/resolve-model-config.js";
import type { Tracing } from "../agent/tracing.js";
import type { Stream } from "../events/stream.js";
import type { JournalContents, RunStore } from "../run-result/run-store.js";
import type { BudgetThresholds } from "../scoring/budget-thresholds.js";
import type { Scorer } from "../scoring/scorer.js";
import type { ShardSpec } from "../shard/shard-spec.js";
import type { RetryOptions } from "./retry-policy.js";
import type { RunBudget } from "./run-budget.js";

/**
 * What {@link RunAgentOptions.optionLabels} may rename.
 *
 * @example
 * ```ts
 * const labels: OptionLabels = { taskTimeoutMs: "--timeout" };
 * ```
 */
export interface OptionLabels {
  readonly taskTimeoutMs?: string | undefined;
}

/** Options of {@link runAgent}. */
export interface RunAgentOptions {
  /** An instance (reused for every task) or a factory called per task with `{ config, task, tracer }`. */
  readonly agent: Agent | AgentFactory;
  readonly scorers: Iterable<Scorer>;
  /** Where to save the run; null = don't save. */
  readonly store: RunStore | null;
  /** How each task's trace is recorded: `otelTracing()` (telemetry) or `eventTracing()`. */
  readonly tracing: Tracing;
  /** One config, or a map looked up by repeated id (`"t1#2"`) then original id (`"t1"`). */
  readonly modelConfig?: ModelConfigOption | null;
  /** Passed to every ask and factory as `fetch`: what model calls should go through (a model cache's). */
  readonly fetch?: typeof fetch | undefined;
  /**
   * Called once the last task is graded, before the run is saved: extra top-level keys for
   * the run file (see `RunResultInit.extraFields`), e.g. what a model cache saved.
   */
  readonly runFileFields?: (() => Readonly<Record<string, unknown>>) | undefined;
  /** Runs of each task (`<id>#1…#n`, grouped by task); `<= 1` runs each once. */
  readonly repeats?: number;
  readonly budgets?: BudgetThresholds | null;
  /** Tasks in flight at once (default 4, at least 1). */
  readonly concurrency?: number;
  readonly runId?: string;
  readonly label?: string | null;
  readonly stream?: Stream | null;
  readonly variant?: string | null;
  /** Stamped on every span; they override `ag2.eval.run_id`/variant/label but never `ag2.eval.task_id`. */
  readonly spanAttributes?: Readonly<Record<string, string>>;
  /** Aborting it rejects the run with the signal's reason; each running ask sees its own signal abort. */
  readonly signal?: AbortSignal;
  /**
   * Per task, every retry and backoff included: past this, the task's signal aborts, it is
   * recorded as a `TaskTimeoutError` and its slot frees.
   */
  readonly taskTimeoutMs?: number;
  /**
   * How texts recorded on tasks name the options, for a tool that sets them from flags of its
   * own: the CLI passes `{ taskTimeoutMs: "--timeout" }`, so a timeout it recorded names the
   * flag its user typed. Each defaults to the option's name.
   *
   * @example
   * ```ts
   * await runAgent(suite, { ...options, taskTimeoutMs: 2000, optionLabels: { taskTimeoutMs: "--timeout" } });
   * ```
   */
  readonly optionLabels?: OptionLabels;
  /**
   * JSON data about how the caller started this run, kept in the journal's header (core does
   * not read it) so that a tool can continue the run from its id alone: the CLI records its
   * suite, modules, label and flags here.
   */
  readonly invocation?: Readonly<Record<string, unknown>>;
  /** The id of an unfinished (or budget-stopped) run to continue from its journal. */
  readonly resume?: string;
  /**
   * With `resume`: that run's journal as the caller has just read it from `store`
   * (`store.readJournal(resume)`, null when there was none), so that it is not read again. A
   * tool that must read the journal before it can start the run (the CLI takes the suite,
   * modules and flags the run started with from its header) passes it on. Read it right before
   * the run: the run's lock is taken later, and a journal another process appended to in
   * between would be resumed as it was read.
   *
   * @example
   * ```ts
   * const journal = await store.readJournal?.(runId);
   * await runAgent(suite, { ...options, store, resume: runId, resumeJournal: journal });
   * ```
   */
  readonly resumeJournal?: JournalContents | null;
  /**
   * With `resume`: continue even when this agent's `name` (or class or factory name) is not
   * the one the journal was written by, mixing two agents in one run. Off by default: a run is
   * resumed by the agent that started it (a fixed implementation behind the same name is fine).
   */
  readonly allowAgentChange?: boolean;
  /**
   * Replace a run the store already holds under `runId` (saved, or an unfinished run's
   * journal). Without it such an id is refused with a `RunExistsError` before any task runs,
   * so a reused id never silently replaces a run. Cannot be combined with `resume`.
   *
   * @example
   * ```ts
   * await runAgent(suite, { ...options, runId: "nightly-42", overwrite: true });
   * ```
   */
  readonly overwrite?: boolean;
  /**
   * Ask again after transient agent failures (429, 5xx, network resets); off when absent or 0.
   * A number N allows N retries after the first ask (as the CLI's `--retries N`); the object
   * form counts `attempts`, the first ask included, and tunes the backoff.
   *
   * @example
   * ```ts
   * await runAgent(suite, { ...options, retries: 2 }); // up to 3 asks per task
   * ```
   */
  readonly retries?: RetryOptions | number;
  /**
   * Run only this shard of the suite: the tasks whose id hashes to `index` (1-based) among
   * `count` shards, every repeat of a task in the same shard. The run file records the shard
   * and the suite's fingerprint so `mergeRuns` can join the shards into one run.
   *
   * @example
   * ```ts
   * await runAgent(suite, { ...options, runId: "nightly-2of8", shard: { index: 2, count: 8 } });
   * ```
   */
  readonly shard?: ShardSpec;
  /** Run-wide limits checked before each task starts; a reached one stops the run cleanly. */
  readonly runBudget?: RunBudget;
  /**
   * Per scorer call: past this, that scorer's feedback is an error (`score: null`, the comment
   * says it timed out) and grading goes on. Default 300000 (5 minutes, room for an LLM judge).
   */
  readonly scorerTimeoutMs?: number;
  /**
   * While the run goes, catch what agent or scorer code raises outside any await (a floating
   * rejected promise, a throw in a timer) as warnings on the run naming the task, instead of
   * crashing the process; and reject with a `RunNeverSettledError` naming the pending tasks
   * when nothing is left that could settle them. Off by default: it installs process-wide
   * handlers for the run's duration (the CLI turns it on).
   */
  readonly catchStrayErrors?: boolean;
}
