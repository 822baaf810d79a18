import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TestConfig } from "@ag2/eval-agent";
import { evaluateTraces, InMemoryTraceSource, Suite, Trace, type TraceEvent } from "@ag2/eval-core";
import {
  agentJudge,
  contains,
  cost,
  exactMatch,
  failureAttribution,
  finalAnswerMatches,
  jsonSchema,
  latency,
  noToolErrors,
  numericClose,
  regexMatch,
  threshold,
  tokenBudget,
  toolArgsMatch,
  toolCalled,
  trajectoryMatch,
} from "./index.js";
import { answer, call, result, toolError } from "./internal/context.test-helper.js";

const usage = (model: string, inputTokens: number, outputTokens: number) => ({
  model,
  usage: { inputTokens, outputTokens },
});

// Four recorded runs: right with a tool, right without (different case), a tool failure with no
// answer, a crash (which fails every scorer that measures a finished run).
const runs: [string, TraceEvent[], number, boolean][] = [
  [
    "t1",
    [
      call("calc", { e: "2+2" }),
      result("calc", "4"),
      answer('{"answer": "4"}', usage("gpt-4o-mini", 1000, 100)),
    ],
    100,
    false,
  ],
  ["t2", [answer('{"answer": "paris"}', usage("gpt-4o-mini-2024-07-18", 500, 50))], 300, false],
  [
    "t3",
    [
      call("weather", { city: "Tokyo" }),
      toolError("weather", "timeout"),
      answer(null, usage("mystery", 150, 50)),
    ],
    50,
    false,
  ],
  ["t4", [call("calc", { e: "1" })], 10, true],
];

describe("every non-pairwise scorer through evaluateTraces", () => {
  it("gives the expected aggregates", async () => {
    const suite = Suite.fromList(
      [
        { task_id: "t1", inputs: { input: "2+2?" }, reference_outputs: { answer: "4" } },
        {
          task_id: "t2",
          inputs: { input: "Capital of France?" },
          reference_outputs: { answer: "Paris" },
        },
        {
          task_id: "t3",
          inputs: { input: "Weather in Tokyo?" },
          reference_outputs: { answer: "sunny" },
        },
        { task_id: "t4", inputs: { input: "crash" }, reference_outputs: { answer: "x" } },
      ],
      { name: "mixed" },
    );
    const source = new InMemoryTraceSource(
      runs.map(([taskId, events, durationMs, crashed]) => [
        { traceId: `trace-${taskId}`, taskId },
        new Trace({
          events,
          durationMs,
          exception: crashed ? { type: "RuntimeError", message: "boom" } : null,
        }),
      ]),
    );
    // The judge reads the answer from its prompt: "4" is right, "paris" half right, else wrong.
    const judgeConfig = new TestConfig((request) => {
      const prompt = String(request.messages[1]?.content);
      const score =
        prompt.includes('"4"') && prompt.includes("## Agent answer\n{")
          ? 1
          : prompt.includes("paris")
            ? 0.5
            : 0;
      return JSON.stringify({ score, reasoning: `scored ${score}` });
    });
    const result = await evaluateTraces(source, {
      suite,
      store: null,
      concurrency: 2,
      scorers: [
        toolCalled("calc"),
        noToolErrors(),
        finalAnswerMatches(),
        tokenBudget(1000),
        agentJudge(judgeConfig, { criterion: "correct", key: "quality" }),
        threshold(agentJudge(judgeConfig, { criterion: "correct", key: "quality" }), {
          atLeast: 0.5,
          key: "quality_pass",
        }),
        failureAttribution(),
        exactMatch(),
        contains("paris", { ignoreCase: true, field: "answer" }),
        regexMatch(/\d/, { field: "answer" }),
        jsonSchema({
          type: "object",
          required: ["answer"],
          properties: { answer: { type: "string" } },
        }),
        numericClose({ absTol: 0.5 }),
        trajectoryMatch(["calc"], { mode: "superset" }),
        toolArgsMatch("calc", { e: "2+2" }),
        latency({ maxMs: 100 }),
        cost({ maxUsd: 0.0003 }),
      ],
    });
    const passRates = {
      "tool_called[calc]": 0.5,
      no_tool_errors: 0.5,
      final_answer_matches: 0.5,
      token_budget: 0.5,
      quality_pass: 0.5,
      exact_match: 0.25,
      contains: 0.25,
      regex_match: 0.25,
      json_schema: 0.5,
      numeric_close: 1,
      trajectory_match: 0.5,
      "tool_args_match[calc]": 0.25,
      latency: 0.5,
      cost: 2 / 3,
    };
    for (const [key, rate] of Object.entries(passRates))
      assert.equal(result.passRate(key), rate, key);
    assert.equal(result.scoreStats("quality").mean, 0.375);
    assert.equal(result.scoreStats("quality").n, 4);
    assert.equal(result.scoreStats("latency_ms").mean, 150, "the crashed task is not timed");
    const usd = result.scoreStats("cost_usd");
    assert.equal(usd.n, 2, "neither the unpriced model nor the crash counts as zero");
    assert.ok(Math.abs(usd.mean - 0.0001575) < 1e-12, String(usd.mean));
    assert.deepEqual(result.valueCounts("failure"), { none: 2, tool_failure: 1, crash: 1 });
    assert.equal(result.aggregates.errors, 1);
    const t3 = result.tasks.find((task) => task.task.taskId === "t3");
    const costComment = t3?.feedback.find((fb) => fb.key === "cost_usd")?.comment;
    assert.equal(costComment, "no price for model 'mystery' (add it with cost({ prices }))");
  });
});
