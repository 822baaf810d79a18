import { flushTracing } from "../agent/flush-tracing.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import {
  checkConcurrency,
  checkName,
  checkRunId,
  checkScorers,
} from "../evaluate/check-run-options.js";
import { finishRun } from "../evaluate/finish-run.js";
import { directionsByKey, type GradeSettings, gradeTask } from "../evaluate/grade-task.js";
import { guardStream } from "../events/guard-stream.js";
import { type EvalStarted, evalEvent } from "../events/lifecycle-events.js";
import { countTaskWarnings } from "../result/count-task-warnings.js";
import type { StopReason } from "../result/stop-reason.js";
import type { TaskResult } from "../result/task-result.js";
import type { RunResult } from "../run-result/run-result.js";
import type { JournalHeader, RunJournal } from "../run-result/run-store.js";
import type { ScoreDirection } from "../scoring/scorer.js";
import { planShard } from "../shard/shard-tasks.js";
import { expandRepeats } from "../suite/expand-repeats.js";
import { checkInputs, resolveSuite, type SuiteInput } from "../suite/resolve-suite.js";
import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { isoUtcNow } from "../util/iso-utc.js";
import { runLimited } from "../util/run-limited.js";
import { checkRunAgentOptions } from "./check-run-agent-options.js";
import { claimRun } from "./claim-run.js";
import { agentClassName, agentTarget, produceTask } from "./produce-traces.js";
import { produceWithRetries } from "./produce-with-retries.js";
import { readResumeState } from "./resume-run.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { RunBudgetMeter } from "./run-budget.js";
import { StrayErrorWatch } from "./stray-error-watch.js";

/**
 * Runs an agent over a suite and grades every run: tasks without `inputs.input` are refused
 * before anything runs; repeats expand to `<id>#1…#n`; at most `concurrency` tasks run at once,
 * each traced by `tracing` and graded by the scorers as soon as it finishes (and journaled,
 * when the store keeps journals, so a crashed run can `resume`). Failures of one task are
 * recorded on it; only invalid options and cancellation reject. Results keep suite order.
 *
 * @example
 * ```ts
 * const result = await runAgent("evals/capitals.jsonl", {
 *   agent, scorers: [correct], store: null, tracing: eventTracing(), repeats: 3,
 * });
 * console.log(result.summary());
 * ```
 */
export async function runAgent(
  suiteInput: SuiteInput,
  options: RunAgentOptions,
): Promise<RunResult> {
  const caller = "runAgent";
  const started = performance.now();
  let createdAt = isoUtcNow();
  const scorers = checkScorers(options.scorers, caller);
  const concurrency = checkConcurrency(options.concurrency, caller);
  const { repeats, taskTimeoutMs, retries, runBudget, shard, scorerTimeoutMs } =
    checkRunAgentOptions(options);
  const label = checkName(options.label, "label", caller);
  const variant = checkName(options.variant, "variant", caller);
  if (
    options.resume !== undefined &&
    options.runId !== undefined &&
    options.runId !== options.resume
  ) {
    throw new InvalidOptionError(
      "resume",
      `${caller}: options 'runId' (${options.runId}) and 'resume' (${options.resume}) name different runs`,
    );
  }
  const runId = checkRunId(options.resume ?? options.runId, caller);
  const { agent, store, signal } = options;

  const suite = await resolveSuite(suiteInput, caller);
  checkInputs(suite);
  // sharded before repeats expand, so every repeat of a task lands in the same shard
  const sharded = planShard(suite.tasks, shard, { repeats, scorers: scorers.map((s) => s.key) });
  const tasks = expandRepeats(sharded.tasks, repeats);
  const target = agentTarget(agent);
  const suiteInfo = { name: suite.name, source: suite.source, size: tasks.length };
  let header: JournalHeader = {
    runId,
    label,
    createdAt,
    target,
    concurrency,
    suite: suiteInfo,
    taskIds: tasks.map((task) => task.taskId),
    scorers: scorers.map((s) => s.key),
    ...(options.invocation !== undefined && { invocation: options.invocation }),
  };
  // taken after the options and the suite are checked, so a mistake there writes nothing
  const lock = await claimRun({
    store,
    runId,
    resume: options.resume !== undefined,
    overwrite: options.overwrite === true,
  });
  try {
    let done: ReadonlyMap<string, TaskResult> = new Map();
    let rejournal = false;
    if (options.resume !== undefined) {
      const state = await readResumeState({
        store,
        runId,
        expected: header,
        tasks,
        agent: {
          className: agentClassName(agent),
          allowChange: options.allowAgentChange === true,
        },
        ...(options.resumeJournal !== undefined && { journal: options.resumeJournal }),
      });
      // the invocation this resume was given (flags given again win over the journal's) is
      // what the journal records from now on, so a later resume starts from it
      header =
        options.invocation === undefined
          ? state.header
          : { ...state.header, invocation: options.invocation };
      createdAt = state.header.createdAt;
      done = state.done;
      rejournal = state.fromRunFile;
    }

    const attributes: Record<string, string> = { "ag2.eval.run_id": runId };
    if (variant) attributes["ag2.eval.variant"] = variant;
    if (label) attributes["ag2.eval.label"] = label;
    Object.assign(attributes, options.spanAttributes ?? {});

    const warnings: string[] = [];
    const stream = guardStream(options.stream, warnings);
    const streamErrorsFrom = stream?.errors.length ?? 0;
    const journal: RunJournal | null = store?.openJournal ? await store.openJournal(header) : null;
    const meter = runBudget
      ? new RunBudgetMeter(runBudget, { startedAt: started, warnings })
      : null;
    for (const result of done.values()) meter?.add(result);
    let stopReason: StopReason | null = null;
    stream?.publish(
      evalEvent<EvalStarted>({
        type: "EvalStarted",
        runId,
        label,
        suite: suite.name,
        total: tasks.length,
      }),
    );
    const directions = new Map<string, ScoreDirection>();
    const settings: GradeSettings = {
      scorers,
      budgets: options.budgets,
      stream,
      runId,
      label,
      variant,
      directions,
      scorerTimeoutMs,
    };
    const produceOptions = {
      agent,
      tracing: options.tracing,
      runId,
      attributes,
      modelConfig: options.modelConfig,
      fetch: options.fetch,
      signal,
      taskTimeoutMs,
      timeoutLabel: options.optionLabels?.taskTimeoutMs,
    };
    let journalFailed = false;
    // appends in flight, counted rather than held: a long run keeps no promise per task
    let appending = 0;
    let allAppended: (() => void) | null = null;
    const appended = (): void => {
      if (--appending === 0) allAppended?.();
    };
    const appendFailed = (error: unknown): void => {
      appended();
      if (journalFailed) return;
      journalFailed = true;
      const info = toErrorInfo(error);
      warnings.push(
        `journaling run ${runId} failed (a crash now would lose its tasks): ${info.type}: ${info.message}`,
      );
    };
    const record = (result: TaskResult): void => {
      if (!journal || journalFailed) return;
      // not awaited here: the slot moves on while the store makes the line durable, so a
      // store can batch many appends into one sync
      const append = journal.append(result);
      appending++;
      append.then(appended, appendFailed);
    };
    const tracingWarnings: (readonly string[])[] = [];
    if (rejournal) for (const result of done.values()) record(result);
    const pending = tasks.filter((task) => !done.has(task.taskId));
    const watch = options.catchStrayErrors ? new StrayErrorWatch({ warnings, runId }) : null;
    const gradeOne = async (task: Task): Promise<TaskResult | null> => {
      // a reached budget lets the running tasks finish but starts no new one
      stopReason ??= meter?.reached() ?? null;
      if (stopReason) return null;
      // without retries, straight to produceTask: two promises fewer per task
      const { produced, attempts } = retries
        ? await produceWithRetries(task, produceOptions, retries)
        : { produced: await produceTask(task, produceOptions), attempts: undefined };
      if (produced.warnings) tracingWarnings.push(produced.warnings);
      watch?.stage(task.taskId, "scorers");
      const grading = gradeTask(produced, settings);
      // scorers that answered without a promise leave nothing to wait for
      const gradedTask = grading instanceof Promise ? await grading : grading;
      const result = attempts ? { ...gradedTask, attempts } : gradedTask;
      meter?.add(result);
      record(result);
      return result;
    };
    let graded: (TaskResult | null)[];
    try {
      const all = runLimited(pending, { concurrency, signal }, (task) =>
        watch ? watch.run(task.taskId, () => gradeOne(task)) : gradeOne(task),
      );
      graded = await (watch ? watch.settle(all) : all);
    } finally {
      if (appending > 0) await new Promise<void>((resolve) => (allAppended = resolve));
      await journal?.close().catch(() => undefined);
      watch?.dispose();
    }

    const byId = new Map(done);
    for (const result of graded) if (result) byId.set(result.task.taskId, result);
    const results = tasks.flatMap((task) => byId.get(task.taskId) ?? []);
    const stopped: StopReason | null = stopReason;
    warnings.push(...countTaskWarnings(tracingWarnings));
    // failures after the last task's spans (a batching exporter's flush) belong to this run too
    warnings.push(...(await flushTracing(options.tracing, { reported: tracingWarnings })));
    return await finishRun(
      {
        runId,
        tasks: results,
        suite: suiteInfo,
        target,
        concurrency,
        durationMs: Math.trunc(performance.now() - started),
        createdAt,
        label,
        warnings,
        stopReason: stopped,
        extraFields: sharded.fields
          ? { ...options.runFileFields?.(), ...sharded.fields }
          : options.runFileFields?.(),
        scoreDirections: directionsByKey(directions),
      },
      {
        store,
        stream,
        streamErrorsFrom,
        // a stopped run keeps its journal: `resume` with a raised budget completes it
        afterSave:
          journal && store?.discardJournal && !stopped
            ? () => store.discardJournal?.(runId) ?? Promise.resolve()
            : undefined,
      },
    );
  } finally {
    await lock?.release();
  }
}
