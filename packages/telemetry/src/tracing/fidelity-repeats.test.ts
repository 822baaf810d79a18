import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Agent, evaluateTraces, type RunResult, scorer } from "@ag2/eval-core";
import { weatherAgent } from "../middleware/fake-agents.test-helper.js";
import { citySuite, runAndSaveTraces } from "./fidelity.test-helper.js";

const suite = citySuite(["Tokyo", "Bern", "Oslo"]);

/** Tokyo answers; Oslo fails with a 503 on every first ask, then answers; Bern always crashes. */
function flakyAgent(): Agent {
  const asks = new Map<string, number>();
  return {
    name: "weather",
    ask(input, options) {
      const count = (asks.get(input) ?? 0) + 1;
      asks.set(input, count);
      if (input.includes("Bern")) {
        const crash = Object.assign(new RangeError("quota exhausted"), { status: 503 });
        return weatherAgent({ crash }).ask(input, options);
      }
      if (input.includes("Oslo") && count % 2 === 1) {
        const crash = Object.assign(new Error("overloaded"), { status: 503 });
        return weatherAgent({ crash }).ask(input, options);
      }
      return weatherAgent().ask(input, options);
    },
  };
}

const scorers = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ task }) => String(task.inputs.input), { key: "input" }),
  scorer(({ trace }) => trace.exception?.type ?? "none", { key: "exception" }),
];

function graded(run: RunResult) {
  return run.tasks
    .map((task) => ({
      taskId: task.task.taskId,
      feedback: task.feedback,
      attempts: task.attempts?.map((attempt) => attempt.error?.type ?? null),
    }))
    .sort((a, b) => a.taskId.localeCompare(b.taskId));
}

describe("fidelity with repeats and retries: saved traces regrade to the same run", () => {
  it("keeps repeated ids joined to the suite and attempts inside their task (directory, OTLP file)", async () => {
    // every trace is saved, failed attempts included, as `--save-traces` does
    const { live, traceCount, directory, otlpFile } = await runAndSaveTraces(suite, {
      agent: flakyAgent(),
      scorers,
      repeats: 2,
      concurrency: 1,
      retries: { attempts: 2, sleep: async () => {} },
    });
    assert.equal(traceCount, 6 + 2 + 2, "two Oslo retries and two Bern retries were traced");

    const expected = graded(live);
    assert.equal(expected.length, 6);
    const oslo = expected.find((task) => task.taskId === "oslo#1");
    assert.deepEqual(oslo?.attempts, ["Error", null]);
    assert.equal(live.passRate("correct"), 4 / 6);
    for (const source of [directory, otlpFile]) {
      const replay = await evaluateTraces(source, { scorers, suite });
      assert.deepEqual(graded(replay), expected, source.constructor.name);
      assert.equal(replay.passRate("correct"), live.passRate("correct"));
    }
  });
});
