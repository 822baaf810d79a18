import { checkOptionNames } from "../errors/check-option-names.js";
import { guardStream } from "../events/guard-stream.js";
import { type EvalStarted, evalEvent } from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import type { RunResult } from "../run-result/run-result.js";
import type { RunStore } from "../run-result/run-store.js";
import type { BudgetThresholds } from "../scoring/budget-thresholds.js";
import type { ScoreDirection, Scorer } from "../scoring/scorer.js";
import type { Suite } from "../suite/suite.js";
import type { Task } from "../suite/task.js";
import type { TraceSource } from "../trace/trace-source.js";
import { isoUtcNow } from "../util/iso-utc.js";
import {
  checkConcurrency,
  checkName,
  checkRunId,
  checkScorers,
  checkScorerTimeout,
} from "./check-run-options.js";
import { EVALUATE_TRACES_OPTION_NAMES } from "./evaluate-traces-option-names.js";
import { finishRun } from "./finish-run.js";
import { directionsByKey } from "./grade-task.js";
import { gradeTraces, listRefs } from "./grade-traces.js";

/** Options of {@link evaluateTraces}. */
export interface EvaluateTracesOptions {
  readonly scorers: Iterable<Scorer>;
  /** Where to save the run; null or absent = don't save. */
  readonly store?: RunStore | null;
  /** Joins traces to tasks by `taskId`; traces of unknown tasks are graded reference-free. */
  readonly suite?: Suite | null;
  readonly budgets?: BudgetThresholds | null;
  /** Traces loaded and graded at once (default 4, at least 1). */
  readonly concurrency?: number;
  /** Defaults to 32 random hex characters. */
  readonly runId?: string;
  readonly label?: string | null;
  readonly stream?: Stream | null;
  /** Aborting it rejects the call with the signal's reason; nothing queued starts any more. */
  readonly signal?: AbortSignal;
  /** Per scorer call: past it, that scorer's feedback is an error. Default 300000 (5 minutes). */
  readonly scorerTimeoutMs?: number;
}

/**
 * Grades traces that already exist (in memory, in a directory, an OTLP file, Tempo) with the
 * same grading core as `runAgent`, so a stored trace gets exactly the feedback the live run
 * gave. Results keep the source's order; a trace that fails to load or a scorer that returns
 * an unsupported type becomes an error on that task, and the others are graded. The target
 * is `trace-source:<class name of source>`.
 *
 * @example
 * ```ts
 * const source = new InMemoryTraceSource([[{ traceId: "t1", taskId: "fr" }, trace]]);
 * const result = await evaluateTraces(source, { scorers: [correct], suite, store: null });
 * console.log(result.passRate("correct"));
 * ```
 */
export async function evaluateTraces(
  source: TraceSource,
  options: EvaluateTracesOptions,
): Promise<RunResult> {
  const caller = "evaluateTraces";
  checkOptionNames(options, EVALUATE_TRACES_OPTION_NAMES, caller);
  const scorers = checkScorers(options.scorers, caller);
  const concurrency = checkConcurrency(options.concurrency, caller);
  const runId = checkRunId(options.runId, caller);
  const label = checkName(options.label, "label", caller);
  const scorerTimeoutMs = checkScorerTimeout(options.scorerTimeoutMs, caller);
  const { signal, suite } = options;
  // a hand-written stream that throws must not lose the run: its failures become warnings
  const warnings: string[] = [];
  const stream = guardStream(options.stream, warnings);
  const started = performance.now();
  const createdAt = isoUtcNow();
  const streamErrorsFrom = stream?.errors.length ?? 0;

  const refs = await listRefs(source, signal);
  const tasksById = new Map<string, Task>();
  for (const task of suite?.tasks ?? []) tasksById.set(task.taskId, task);
  const suiteInfo = suite
    ? { name: suite.name, source: suite.source, size: suite.tasks.length }
    : { name: "traces", source: "trace-source", size: refs.length };

  stream?.publish(
    evalEvent<EvalStarted>({
      type: "EvalStarted",
      runId,
      label,
      suite: suiteInfo.name,
      total: refs.length,
    }),
  );
  const directions = new Map<string, ScoreDirection>();
  const tasks = await gradeTraces(source, refs, {
    scorers,
    directions,
    budgets: options.budgets,
    stream,
    runId,
    label,
    concurrency,
    tasksById,
    signal,
    scorerTimeoutMs,
  });
  return finishRun(
    {
      runId,
      tasks,
      suite: suiteInfo,
      target: `trace-source:${source.constructor?.name ?? "TraceSource"}`,
      concurrency,
      durationMs: Math.trunc(performance.now() - started),
      createdAt,
      label,
      warnings,
      scoreDirections: directionsByKey(directions),
    },
    { store: options.store, stream, streamErrorsFrom },
  );
}
