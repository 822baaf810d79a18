import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { evaluateTraces } from "../evaluate/evaluate-traces.js";
import { runAgent } from "../run/run-agent.js";
import { scorer } from "../scoring/scorer.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { Trace } from "../trace/trace.js";
import type { TraceSource } from "../trace/trace-source.js";

const echo = { name: "echo", ask: async (input: string) => input };
const good = scorer(({ outputs }) => outputs.body === "hi", { key: "good" });
const unsupported = scorer(() => ({ pass: true }) as never, { key: "weird" });
const throws = scorer(
  () => {
    throw new RangeError("no budget left");
  },
  { key: "throws" },
);
const rejects = { key: "rejects", score: async () => Promise.reject(new TypeError("offline")) };

describe("one bad scorer does not wipe the others", () => {
  it("records an unsupported return or a throw as that scorer's error feedback; the rest stays", async () => {
    const result = await runAgent([{ task_id: "a", inputs: { input: "hi" } }], {
      agent: echo,
      scorers: [unsupported, good, throws, rejects],
      store: null,
      tracing: eventTracing(),
    });
    const [task] = result.tasks;
    assert.equal(task?.trace.exception, null, "the task did not error");
    assert.equal(result.aggregates.errors, 0);
    assert.deepEqual(
      task?.feedback.map((f) => [f.key, f.score]),
      [
        ["weird", null],
        ["good", true],
        ["throws", null],
        ["rejects", null],
      ],
    );
    assert.match(
      task?.feedback[0]?.comment ?? "",
      /^scorer raised: ScorerReturnTypeError: scorer 'weird' returned unsupported type Object/,
    );
    assert.equal(task?.feedback[2]?.comment, "scorer raised: RangeError: no budget left");
    assert.equal(task?.feedback[3]?.comment, "scorer raised: TypeError: offline");
    assert.equal(result.passRate("good"), 1);
  });
});

describe("evaluateTraces: a trace that fails to load", () => {
  it("is a task with the load error and no feedback", async () => {
    const inner = new InMemoryTraceSource([
      [{ traceId: "t1", taskId: "a" }, new Trace({ events: [], durationMs: 1 })],
      [{ traceId: "t2", taskId: "b" }, new Trace({ events: [], durationMs: 1 })],
    ]);
    const source: TraceSource = {
      list: () => inner.list(),
      load: async (ref) => {
        if (ref.traceId === "t2") throw new SyntaxError("t2.json: not JSON");
        return inner.load(ref);
      },
    };
    const result = await evaluateTraces(source, { scorers: [good], store: null });
    const failed = result.tasks.find((task) => task.task.taskId === "b");
    assert.deepEqual(failed?.feedback, []);
    assert.deepEqual(
      { type: failed?.trace.exception?.type, message: failed?.trace.exception?.message },
      { type: "SyntaxError", message: "t2.json: not JSON" },
    );
    assert.equal(result.tasks.find((task) => task.task.taskId === "a")?.feedback.length, 1);
    assert.equal(
      result.tasks.flatMap((task) => task.feedback).length,
      1,
      "only the loaded trace is graded",
    );
  });
});
