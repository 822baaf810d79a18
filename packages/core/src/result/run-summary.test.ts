import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeRunResult, makeTaskResult } from "../testing/make-results.js";

describe("RunResult.summary (the reference's report text)", () => {
  it("prints the header and the non-empty sections, keys sorted and padded", () => {
    const run = makeRunResult({
      runId: "r-42",
      createdAt: "2026-11-26T10:30:00.123000+00:00",
      durationMs: 1500,
      concurrency: 4,
      suiteName: "capitals",
      suiteSource: "evals/capitals.jsonl",
      tasks: [
        makeTaskResult({
          taskId: "a",
          feedback: [
            { key: "ok", score: true },
            { key: "quality", score: 0.25, value: "meh" },
            { key: "tone", value: "warm" },
          ],
          events: [
            { type: "ModelResponse", content: "x", usage: { inputTokens: 100, outputTokens: 20 } },
          ],
        }),
        makeTaskResult({
          taskId: "b",
          feedback: [
            { key: "ok", score: false },
            { key: "quality", score: 0.75, value: "good" },
            { key: "tone", value: "cold" },
            { key: "tone", value: "warm" },
          ],
          exception: { type: "TimeoutError", message: "slow" },
          budgetViolations: [{ limit: "maxTokensPerTask", threshold: 1, actual: 2 }],
        }),
      ],
    });
    assert.equal(
      run.summary(),
      [
        "Run r-42",
        "  Schema:      0.1",
        "  Created:     2026-11-26T10:30:00.123000+00:00",
        "  Duration:    1500ms",
        "  Suite:       capitals (2 tasks, source: evals/capitals.jsonl)",
        "  Runs:        2",
        "  Concurrency: 4",
        "  Errors:      1",
        "  Budget violations: 1",
        "  Tokens:      input=100 output=20 total=120",
        "",
        "Pass rates:",
        "  ok   50.0% (1/2)",
        "",
        "Score stats:",
        "  quality  mean=0.50 p50=0.50 p95=0.72 n=2",
        "",
        "Value counts:",
        "  quality  good=1 meh=1",
        "  tone     cold=1 warm=2",
      ].join("\n"),
    );
  });

  it("omits empty sections and pads pass rates to width 5", () => {
    const empty = makeRunResult({ runId: "e", tasks: [] });
    assert.equal(empty.summary().split("\n").length, 10);
    const all = makeRunResult({
      tasks: [
        makeTaskResult({
          feedback: [
            { key: "a", score: true },
            { key: "long_key", score: false },
          ],
        }),
      ],
    });
    assert.deepEqual(all.summary().split("\n").slice(10), [
      "",
      "Pass rates:",
      "  a         100.0% (1/1)",
      "  long_key    0.0% (0/1)",
    ]);
  });
});
