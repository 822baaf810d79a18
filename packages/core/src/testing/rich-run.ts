import { makeRunResult, makeTaskResult } from "./make-results.js";

/** A run exercising every field a store must keep: detail, tags, metadata, trace refs, errors. */
export function richRun(runId: string) {
  return makeRunResult({
    runId,
    label: "nightly",
    target: "weather-agent",
    concurrency: 4,
    durationMs: 1234,
    suiteName: "capitals",
    suiteSource: "evals/capitals.jsonl",
    tasks: [
      makeTaskResult({
        taskId: "fr",
        inputs: { input: "Capital of France?" },
        referenceOutputs: { answer: "Paris" },
        tags: ["geo", "eu"],
        metadata: { level: 2, source: "S\u00e3o Paulo" },
        feedback: [
          {
            key: "correct",
            score: true,
            comment: "matched",
            detail: { expected: "Paris", got: "Paris" },
          },
          { key: "quality", score: 0.75, value: "good" },
        ],
        events: [
          { type: "ModelResponse", content: "Paris", usage: { inputTokens: 12, outputTokens: 3 } },
          { type: "ToolCallEvent", id: "c1", name: "lookup", arguments: '{"q":"France"}' },
          { type: "ToolResultEvent", parentId: "c1", name: "lookup", result: "Paris" },
        ],
        durationMs: 40,
        traceRef: { traceId: "abc123", taskId: "fr", metadata: { source: "tempo" } },
      }),
      makeTaskResult({
        taskId: "pe",
        feedback: [{ key: "correct", score: null, comment: "scorer raised: TypeError: boom" }],
        exception: { type: "TimeoutError", message: "task exceeded 30s" },
        budgetViolations: [{ limit: "maxTokensPerTask", threshold: 10, actual: 15 }],
        tokens: { input: 9, output: 6, cacheCreation: 1, cacheRead: 2, total: 15 },
      }),
    ],
  });
}
