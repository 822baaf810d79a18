// Builders shared by the variants, pairwise and statistics tests (not part of the package API).

import type { TaskResult } from "../result/task-result.js";
import type { Feedback } from "../scoring/feedback.js";
import { createTask } from "../suite/task.js";
import { Trace } from "../trace/trace.js";
import { RunResult } from "./run-result.js";

export function taskResult(
  taskId: string,
  scores: Record<string, Feedback["score"]>,
  inputs: Record<string, unknown> = { input: taskId.replace(/#\d+$/, "") },
): TaskResult {
  return {
    task: createTask({ taskId, inputs }),
    trace: new Trace(),
    feedback: Object.entries(scores).map(([key, score]) => ({ key, score })),
    budgetViolation: false,
    budgetViolations: [],
    traceRef: null,
  };
}

export function runOf(runId: string, tasks: TaskResult[]): RunResult {
  return new RunResult({
    runId,
    tasks,
    suite: { name: "s", source: "inline", size: tasks.length },
    target: "test",
    concurrency: 1,
    durationMs: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
  });
}

/** A run of tasks t1..tn with one boolean key `ok` taken from `passes`, repeated `repeats` times each. */
export function boolRun(runId: string, passes: readonly (readonly boolean[])[]): RunResult {
  const repeated = passes.some((row) => row.length > 1);
  return runOf(
    runId,
    passes.flatMap((row, i) =>
      row.map((ok, r) => taskResult(repeated ? `t${i + 1}#${r + 1}` : `t${i + 1}`, { ok })),
    ),
  );
}
