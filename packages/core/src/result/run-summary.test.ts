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

  it("readable: a suite as tasks × repeats and small scores in significant digits", () => {
    const tasks = ["a", "b"].flatMap((id) =>
      [1, 2, 3].map((repeat) =>
        makeTaskResult({
          taskId: `${id}#${repeat}`,
          feedback: [{ key: "cost", score: 0.00005 + repeat * 0.000001 }],
        }),
      ),
    );
    const run = makeRunResult({ suiteName: "s", suiteSource: "s.jsonl", tasks });
    const readable = run.summary({ readable: true }).split("\n");
    assert.equal(readable[4], "  Suite:       s (2 tasks × 3 repeats = 6 runs, source: s.jsonl)");
    assert.equal(readable.at(-1), "  cost  mean=0.000052 p50=0.000052 p95=0.000053 n=6");
    // the reference's text is unchanged: the expanded count, two decimals
    const reference = run.summary().split("\n");
    assert.equal(reference[4], "  Suite:       s (6 tasks, source: s.jsonl)");
    assert.equal(reference.at(-1), "  cost  mean=0.00 p50=0.00 p95=0.00 n=6");
  });

  it("readable: a run without repeats keeps its task count", () => {
    const run = makeRunResult({ tasks: [makeTaskResult({ taskId: "only" })] });
    assert.match(run.summary({ readable: true }), /\(1 task, source: /);
  });
});
