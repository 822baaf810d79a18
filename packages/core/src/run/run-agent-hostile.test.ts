import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Scorer, scorer } from "../scoring/scorer.js";
import { InMemoryRunStore } from "../testing/in-memory-run-store.js";
import { runAgent } from "./run-agent.js";
import { answered, options, records } from "./run-agent.test-helper.js";

describe("runAgent against hostile agent and scorer code", () => {
  it("a scorer that never answers times out as that scorer's error; the others keep theirs", async () => {
    const never = scorer(() => new Promise<boolean>(() => undefined), { key: "never" });
    const result = await runAgent(
      records,
      options({ scorers: [answered, never], scorerTimeoutMs: 50 }),
    );
    for (const task of result.tasks) {
      assert.equal(task.trace.exception, null);
      assert.deepEqual(
        task.feedback.map((fb) => [fb.key, fb.score]),
        [
          ["answered", true],
          ["never", null],
        ],
      );
      assert.match(task.feedback[1]?.comment ?? "", /timed out: no answer within 50 ms/);
    }
  });

  it("refuses a scorerTimeoutMs that is not a positive number", async () => {
    await assert.rejects(runAgent(records, options({ scorerTimeoutMs: -1 })), {
      name: "InvalidOptionError",
      message: /option 'scorerTimeoutMs' must be a positive number of milliseconds.*got -1/,
    });
  });

  it("scorers get read-only values: a write is that scorer's error and persists nowhere", async () => {
    const seen: unknown[] = [];
    const tamper = scorer(
      ({ trace }) => {
        (trace as { durationMs: number }).durationMs = 1;
        return true;
      },
      { key: "tamper" },
    );
    const tamperEvents = scorer(
      ({ trace, inputs, outputs }) => {
        try {
          (trace.events[0] as { type: string }).type = "Forged";
        } catch {}
        try {
          (inputs as { input: string }).input = "forged";
        } catch {}
        (outputs as { body: string }).body = "forged";
        return true;
      },
      { key: "tamper_events" },
    );
    const later = scorer(
      ({ trace, inputs, outputs }) => {
        seen.push([trace.durationMs, trace.events[0]?.type, inputs.input, outputs.body]);
        return true;
      },
      { key: "later" },
    );
    const store = new InMemoryRunStore();
    const result = await runAgent(
      records.slice(0, 1),
      options({ store, runId: "ro", scorers: [tamper, tamperEvents, later] }),
    );
    const task = result.tasks[0];
    assert.deepEqual(
      task?.feedback.map((fb) => [fb.key, fb.score]),
      [
        ["tamper", null],
        ["tamper_events", null],
        ["later", true],
      ],
    );
    assert.match(task?.feedback[0]?.comment ?? "", /scorer raised: TypeError: .*durationMs/);
    assert.notEqual(task?.trace.durationMs, 1);
    assert.deepEqual(seen, [[task?.trace.durationMs, task?.trace.events[0]?.type, "abc", "cba"]]);
    assert.notEqual(task?.trace.events[0]?.type, "Forged");
    const saved = await store.load("ro");
    assert.equal(saved.tasks[0]?.trace.durationMs, task?.trace.durationMs);
    assert.equal(saved.tasks[0]?.task.inputs.input, "abc");
  });

  it("a hand-written scorer setting trace.exception does not make the task an error", async () => {
    const forger: Scorer = {
      key: "forger",
      score: async ({ trace }) => {
        try {
          (trace as { exception: unknown }).exception = { type: "Forged", message: "x" };
        } catch {}
        return [{ key: "forger", score: true }];
      },
    };
    const result = await runAgent(records, options({ scorers: [forger] }));
    for (const task of result.tasks) assert.equal(task.trace.exception, null);
  });
});
