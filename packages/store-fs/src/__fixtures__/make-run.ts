import { createTask, RunResult, type TaskResult, Trace } from "@ag2/eval-core";

/** A deterministic run of `size` tasks with boolean, numeric and label feedback. */
export function makeRun(options: {
  runId: string;
  size: number;
  label?: string | null;
  createdAt?: string;
  padding?: number;
}): RunResult {
  const tasks: TaskResult[] = [];
  for (let i = 0; i < options.size; i++) {
    const id = `t${i}`;
    tasks.push({
      task: createTask({
        taskId: id,
        inputs: { input: `question ${i} ${"x".repeat(options.padding ?? 0)}` },
        referenceOutputs: { answer: `a${i}` },
        tags: i % 2 === 0 ? ["even"] : ["odd"],
        metadata: { index: i },
      }),
      trace: new Trace({
        events: [
          {
            type: "ModelResponse",
            content: `a${i}`,
            usage: { inputTokens: 10 + (i % 7), outputTokens: 3 },
          },
        ],
        exception: i % 11 === 5 ? { type: "TimeoutError", message: `task ${i} timed out` } : null,
        durationMs: 5 + (i % 13),
      }),
      feedback: [
        { key: "correct", score: i % 3 !== 0, comment: null },
        { key: "quality", score: (i % 5) / 4, value: i % 2 === 0 ? "good" : "poor", detail: { i } },
      ],
      budgetViolation: i % 17 === 0,
      budgetViolations: [],
      traceRef: { traceId: `trace-${i}`, taskId: id, metadata: {} },
    });
  }
  return new RunResult({
    runId: options.runId,
    tasks,
    suite: { name: "generated", source: "memory", size: options.size },
    target: "Agent",
    concurrency: 4,
    durationMs: 1000,
    createdAt: options.createdAt ?? "2026-11-26T10:30:00.123000+00:00",
    label: options.label ?? null,
  });
}
