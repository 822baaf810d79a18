import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Agent,
  type BudgetThresholds,
  evaluateTraces,
  type RunResult,
  scorer,
} from "@ag2/eval-core";
import { weatherAgent } from "../middleware/fake-agents.test-helper.js";
import { citySuite, runAndSaveTraces } from "./fidelity.test-helper.js";

const suite = citySuite(["Tokyo", "Atlantis", "Bern", "Oslo"]);

/** Each city behaves differently: an answer, a handled tool error, a crash. */
const agent: Agent = {
  name: "weather",
  ask(input, options) {
    if (input.includes("Atlantis"))
      return weatherAgent({ toolError: { type: "LookupError", message: "no such city" } }).ask(
        input,
        options,
      );
    if (input.includes("Bern"))
      return weatherAgent({ crash: new RangeError("quota exhausted") }).ask(input, options);
    return weatherAgent().ask(input, options);
  },
};

const scorers = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ trace }) => trace.eventsOf("ToolCallEvent", { name: "get_weather" }).length > 0, {
    key: "tool_called",
  }),
  scorer(({ trace }) => trace.eventsOf("ToolErrorEvent").length === 0, { key: "no_tool_errors" }),
  scorer(({ trace }) => trace.tokens.total, { key: "tokens" }),
  scorer(({ trace }) => trace.exception?.type ?? "none", { key: "exception" }),
  scorer(
    ({ trace }) =>
      trace.events
        .map((e) => (e.type === "ToolCallEvent" ? `${e.type}:${e.arguments}` : e.type))
        .join(","),
    { key: "events" },
  ),
];

const budgets: BudgetThresholds = {
  maxTokensPerTask: 30,
  maxToolCallsPerTask: 1,
  maxModelCallsPerTask: 1,
  maxSecondsPerTask: 600,
};

function graded(run: RunResult) {
  const byTask = new Map<string, unknown>();
  for (const task of run.tasks) {
    byTask.set(task.task.taskId, {
      feedback: task.feedback,
      budgetViolation: task.budgetViolation,
      budgetViolations: task.budgetViolations,
    });
  }
  return byTask;
}

describe("fidelity: grading stored spans gives what the live run gave", () => {
  it("re-grades a directory and an OTLP file to identical feedback, budget flags and pass rates", async () => {
    const { live, traceCount, directory, otlpFile } = await runAndSaveTraces(suite, {
      agent,
      scorers,
      budgets,
      concurrency: 2,
    });
    assert.equal(traceCount, 4, "one trace per task");

    const fromDirectory = await evaluateTraces(directory, {
      scorers,
      budgets,
      suite,
    });
    const fromOtlp = await evaluateTraces(otlpFile, {
      scorers,
      budgets,
      suite,
    });

    const expected = graded(live);
    // The live run really exercised what is being compared.
    const bern = live.tasks.find((t) => t.task.taskId === "bern");
    assert.deepEqual(bern?.feedback.find((f) => f.key === "exception")?.value, "RangeError");
    assert.ok(
      live.tasks.some((t) => t.budgetViolation) && live.tasks.some((t) => !t.budgetViolation),
    );
    assert.equal(live.passRate("correct"), 0.5);
    for (const replay of [fromDirectory, fromOtlp]) {
      assert.equal(replay.tasks.length, live.tasks.length);
      assert.deepEqual(graded(replay), expected);
      for (const key of ["correct", "tool_called", "no_tool_errors"])
        assert.equal(replay.passRate(key), live.passRate(key), key);
      assert.deepEqual(replay.scoreStats("tokens"), live.scoreStats("tokens"));
    }
  });
});
