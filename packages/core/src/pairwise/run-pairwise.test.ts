import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { Tracing } from "../agent/tracing.js";
import type { EvalEvent, PairwiseCompleted } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import type { PairwiseRunResult } from "./pairwise-run-result.js";
import type { PairwiseComparator } from "./pairwise-types.js";
import { runPairwise } from "./run-pairwise.js";

const agent = (name: string): Agent => ({ name, ask: async (input) => `${name}:${input}` });
const tie: PairwiseComparator = { key: "same", compare: () => ({ winner: "tie" }) };
const suite = ["t1", "t2", "t3"].map((id) => ({ task_id: id, inputs: { input: id } }));

// eventTracing, but every task's finish() reports the failing span processor (as otelTracing does)
function warningTracing(warning: (taskId: string) => string): Tracing {
  const inner = eventTracing();
  return {
    startTask: (context) => {
      const task = inner.startTask(context);
      return {
        middleware: task.middleware,
        finish: async (outcome) => ({
          ...(await task.finish(outcome)),
          warnings: [warning(context.task.taskId)],
        }),
      };
    },
  };
}

describe("runPairwise warnings", () => {
  it("names a warning every task reported once, with the count over both variants", async () => {
    const saved: PairwiseRunResult[] = [];
    const stream = createStream();
    const completed: PairwiseRunResult[] = [];
    stream.subscribe((event: EvalEvent) => {
      if (event.type === "PairwiseCompleted") {
        completed.push((event as PairwiseCompleted<PairwiseRunResult>).result);
      }
    });
    const result = await runPairwise(suite, {
      variantA: agent("a"),
      variantB: agent("b"),
      comparators: [tie],
      tracing: warningTracing(() => "span processor onEnd failed: Error: disk full"),
      store: { savePairwise: async (r) => void saved.push(r) },
      stream,
      runId: "rp-warn",
    });
    const expected = ["span processor onEnd failed: Error: disk full (in 6 tasks)"];
    assert.deepEqual(result.warnings, expected);
    assert.equal(result.nPairs, 3);
    assert.deepEqual(saved[0]?.warnings, expected);
    assert.deepEqual(result.toJSON().warnings, expected);
    assert.deepEqual(completed[0]?.warnings, expected);
  });

  it("keeps distinct warnings apart and leaves a clean comparison without any", async () => {
    const distinct = await runPairwise(suite, {
      variantA: agent("a"),
      variantB: agent("b"),
      comparators: [tie],
      tracing: warningTracing((taskId) => (taskId === "t2" ? "only t2" : "the rest")),
    });
    assert.deepEqual(distinct.warnings, ["the rest (in 4 tasks)", "only t2 (in 2 tasks)"]);
    const clean = await runPairwise(suite, {
      variantA: agent("a"),
      variantB: agent("b"),
      comparators: [tie],
      tracing: eventTracing(),
    });
    assert.deepEqual(clean.warnings, []);
    assert.equal("warnings" in clean.toJSON(), false);
  });
});
