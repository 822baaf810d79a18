import type { TaskResult } from "../result/task-result.js";
import { RunResult } from "../run-result/run-result.js";
import type { BudgetViolation } from "../scoring/budget-thresholds.js";
import type { Feedback } from "../scoring/feedback.js";
import { createTask } from "../suite/task.js";
import type { TokenUsage } from "../trace/token-usage.js";
import { Trace } from "../trace/trace.js";
import type { ErrorInfo, TraceEvent } from "../trace/trace-events.js";
import type { TraceRef } from "../trace/trace-source.js";

/** What {@link makeTaskResult} builds from; everything has a default. */
export interface MakeTaskResultInit {
  readonly taskId?: string;
  readonly inputs?: Record<string, unknown>;
  readonly referenceOutputs?: Record<string, unknown> | null;
  readonly tags?: readonly string[];
  readonly metadata?: Record<string, unknown>;
  readonly feedback?: readonly Feedback[];
  readonly events?: readonly TraceEvent[];
  readonly exception?: ErrorInfo | null;
  readonly durationMs?: number;
  readonly tokens?: TokenUsage;
  readonly budgetViolations?: readonly BudgetViolation[];
  readonly traceRef?: TraceRef | null;
}

/**
 * A graded task for tests, with defaults for everything not given (inputs
 * `{ input: "question <taskId>" }`, no feedback, an empty trace).
 *
 * @example
 * ```ts
 * const result = makeTaskResult({ taskId: "t1", feedback: [{ key: "ok", score: true }] });
 * ```
 */
export function makeTaskResult(init: MakeTaskResultInit = {}): TaskResult {
  const taskId = init.taskId ?? "task-0000";
  const violations = init.budgetViolations ?? [];
  return {
    task: createTask({
      taskId,
      inputs: init.inputs ?? { input: `question ${taskId}` },
      referenceOutputs: init.referenceOutputs ?? null,
      tags: init.tags ?? [],
      metadata: init.metadata ?? {},
    }),
    trace: new Trace({
      events: init.events ?? [],
      exception: init.exception ?? null,
      durationMs: init.durationMs ?? 0,
      ...(init.tokens ? { tokens: init.tokens } : {}),
    }),
    feedback: init.feedback ?? [],
    budgetViolation: violations.length > 0,
    budgetViolations: violations,
    traceRef: init.traceRef ?? null,
  };
}

/** What {@link makeRunResult} builds from; everything has a default. */
export interface MakeRunResultInit {
  readonly runId?: string;
  readonly tasks?: readonly TaskResult[];
  readonly label?: string | null;
  readonly createdAt?: string;
  readonly target?: string;
  readonly concurrency?: number;
  readonly durationMs?: number;
  readonly suiteName?: string;
  readonly suiteSource?: string;
}

/**
 * A run for tests. Without `tasks` it holds two tasks, `task-0000` passing and `task-0001`
 * failing the boolean key `ok`.
 *
 * @example
 * ```ts
 * const run = makeRunResult({ runId: "nightly-1", label: "nightly" });
 * run.passRate("ok"); // 0.5
 * ```
 */
export function makeRunResult(init: MakeRunResultInit = {}): RunResult {
  const tasks = init.tasks ?? [
    makeTaskResult({ taskId: "task-0000", feedback: [{ key: "ok", score: true }] }),
    makeTaskResult({ taskId: "task-0001", feedback: [{ key: "ok", score: false }] }),
  ];
  return new RunResult({
    runId: init.runId ?? "run-1",
    tasks,
    suite: {
      name: init.suiteName ?? "inline",
      source: init.suiteSource ?? "inline",
      size: tasks.length,
    },
    target: init.target ?? "test-agent",
    concurrency: init.concurrency ?? 1,
    durationMs: init.durationMs ?? 0,
    createdAt: init.createdAt ?? "2026-11-26T10:30:00.123000+00:00",
    label: init.label ?? null,
  });
}
