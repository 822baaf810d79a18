import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runPairwise } from "../pairwise/run-pairwise.js";
import { runAgent } from "../run/run-agent.js";
import { eventTracing } from "./event-tracing.js";
import { flushTracing } from "./flush-tracing.js";
import type { Tracing } from "./tracing.js";

const records = [{ task_id: "t1", inputs: { input: "hi" } }];
const agent = { name: "echo", ask: async (input: string) => input };

/** eventTracing plus a flush that reports what a batching exporter failed after the last task. */
function withFlush(flush: () => Promise<readonly string[]>): Tracing & { flushes: number } {
  const inner = eventTracing();
  const tracing = {
    flushes: 0,
    startTask: inner.startTask.bind(inner),
    flush: () => {
      tracing.flushes++;
      return flush();
    },
  };
  return tracing;
}

describe("flushTracing", () => {
  it("runAgent adds what the flush reports after the last task to the result's warnings", async () => {
    const tracing = withFlush(async () => [
      "span processor 1 failed in forceFlush: collector down",
    ]);
    const result = await runAgent(records, { agent, scorers: [], store: null, tracing });
    assert.equal(tracing.flushes, 1);
    assert.deepEqual(result.warnings, ["span processor 1 failed in forceFlush: collector down"]);
  });

  it("runPairwise flushes once after both variants and keeps the warning", async () => {
    const tracing = withFlush(async () => ["late failure"]);
    const result = await runPairwise(records, {
      variantA: agent,
      variantB: agent,
      comparators: [{ key: "same", compare: () => ({ winner: "tie" as const }) }],
      tracing,
    });
    assert.equal(tracing.flushes, 1);
    assert.deepEqual(result.warnings, ["late failure"]);
  });

  it("a flush that throws is a warning, not a lost run", async () => {
    const tracing = withFlush(async () => {
      throw new TypeError("exporter gone");
    });
    const result = await runAgent(records, { agent, scorers: [], store: null, tracing });
    assert.equal(result.tasks.length, 1);
    assert.deepEqual(result.warnings, ["tracing flush failed: TypeError: exporter gone"]);
  });

  it("a flush that never settles is cut off after the timeout", async () => {
    const tracing = withFlush(() => new Promise(() => {}));
    assert.deepEqual(await flushTracing(tracing, { timeoutMs: 20 }), [
      "tracing flush did not finish within 20 ms; later failures reach only its onWarning",
    ]);
  });

  it("a failure the tasks already reported is not listed again", async () => {
    const tracing = withFlush(async () => ["processor failed", "new one"]);
    assert.deepEqual(await flushTracing(tracing, { reported: [["processor failed"], undefined] }), [
      "new one",
    ]);
  });

  it("a tracing without flush gives nothing to report", async () => {
    assert.deepEqual(await flushTracing(eventTracing()), []);
  });
});
