// The run the store benchmarks save: `size` tasks with boolean, numeric and label feedback.
import { importPackage } from "./packages.mjs";

const core = await importPackage("@ag2/eval-core");

/** A run of `size` tasks (about 1 KB each as JSON), created at `createdAt`, carrying `label`. */
export function makeRun(
  runId,
  size,
  createdAt = "2026-11-26T10:30:00.123000+00:00",
  label = "bench",
) {
  const tasks = [];
  for (let i = 0; i < size; i++) {
    tasks.push({
      task: core.createTask({
        taskId: `t${i}`,
        inputs: { input: `question ${i} about São Paulo` },
        referenceOutputs: { answer: `a${i}` },
        tags: [i % 2 ? "odd" : "even"],
        metadata: { i },
      }),
      trace: new core.Trace({
        events: [
          { type: "ModelResponse", content: `a${i}`, usage: { inputTokens: 12, outputTokens: 3 } },
        ],
        durationMs: 20,
      }),
      feedback: [
        { key: "exact", score: i % 3 !== 0 },
        { key: "quality", score: (i % 5) / 4, value: i % 2 ? "poor" : "good", detail: { i } },
      ],
      budgetViolation: false,
      budgetViolations: [],
      traceRef: { traceId: `trace-${i}`, taskId: `t${i}`, metadata: {} },
    });
  }
  return new core.RunResult({
    runId,
    tasks,
    suite: { name: "bench", source: "memory", size },
    target: "Agent",
    concurrency: 16,
    durationMs: 1,
    createdAt,
    label,
  });
}
