import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { EvalCompleted, EvalEvent } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import { runResultToJSON } from "../run-file/write-run-file.js";
import { runResultFromJSON } from "../run-result/parse-run-file.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { deferred, modelAgent, settle, TinyStore } from "./run-fixtures.test.js";

const suite = ["a", "b", "c", "d", "e"].map((id) => ({ task_id: id, inputs: { input: id } }));
const upper = (s: string) => s.toUpperCase();

/** An agent that answers its input and records every ask; resumes the runs modelAgent started. */
function echoing(asked: string[]): Agent {
  return {
    name: "model-agent",
    async ask(input) {
      asked.push(input);
      return input;
    },
  };
}

function options(overrides: Partial<RunAgentOptions> = {}): RunAgentOptions {
  // modelAgent reports 3 input + 2 output tokens per task
  return {
    agent: modelAgent(upper),
    scorers: [answered],
    store: null,
    tracing: eventTracing(),
    concurrency: 1,
    ...overrides,
  };
}

describe("runAgent runBudget", () => {
  it("stops starting tasks at maxTokens, saves the graded ones with a stop reason, keeps the journal, and resumes with a raised budget", async () => {
    const store = new TinyStore();
    const stream = createStream();
    const events: EvalEvent[] = [];
    stream.subscribe((event) => {
      events.push(event);
    });
    const stopped = await runAgent(
      suite,
      options({ store, stream, runId: "r", runBudget: { maxTokens: 10 } }),
    );
    assert.deepEqual(
      stopped.tasks.map((t) => t.task.taskId),
      ["a", "b"],
    );
    assert.deepEqual(stopped.stopReason, { budget: "tokens", limit: 10, used: 10 });
    assert.equal(store.runs.get("r"), stopped);
    assert.equal(stopped.suite.size, 5, "the planned size stays, so the run reads as incomplete");
    const completed = events.at(-1) as EvalCompleted;
    assert.equal(completed.type, "EvalCompleted");
    assert.deepEqual(completed.stopReason, stopped.stopReason);
    assert.equal((await store.readJournal("r"))?.results.length, 2, "journal kept");

    const asked: string[] = [];
    const resumed = await runAgent(
      suite,
      options({
        store,
        resume: "r",
        agent: echoing(asked),
        runBudget: { maxTokens: 1000 },
      }),
    );
    assert.deepEqual(asked, ["c", "d", "e"]);
    assert.equal(resumed.tasks.length, 5);
    assert.equal(resumed.stopReason, null);
    assert.equal(await store.readJournal("r"), null, "journal discarded once complete");
  });

  it("lets running tasks finish when the budget is reached", async () => {
    const gates = new Map(suite.map((r) => [r.task_id, deferred()]));
    const asked: string[] = [];
    const inner = modelAgent(upper);
    const agent: Agent = {
      name: "gated",
      async ask(input, opts) {
        asked.push(input);
        await gates.get(input)?.promise;
        return inner.ask(input, opts);
      },
    };
    const running = runAgent(
      suite,
      options({ agent, concurrency: 2, runBudget: { maxTokens: 1 } }),
    );
    await settle();
    assert.deepEqual(asked, ["a", "b"]);
    gates.get("a")?.resolve();
    await settle(20);
    // c was checked after a was graded: over budget, so only b is still running
    assert.deepEqual(asked, ["a", "b"]);
    gates.get("b")?.resolve();
    const result = await running;
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      ["a", "b"],
    );
    assert.deepEqual(result.stopReason, { budget: "tokens", limit: 1, used: 5 });
  });

  it("sums costOf over graded tasks for maxCostUsd, and refuses maxCostUsd without costOf", async () => {
    const result = await runAgent(
      suite,
      options({ runBudget: { maxCostUsd: 0.5, costOf: (trace) => trace.tokens.total * 0.05 } }),
    );
    assert.equal(result.tasks.length, 2);
    assert.equal(result.stopReason?.budget, "costUsd");
    assert.equal(result.stopReason?.limit, 0.5);
    await assert.rejects(runAgent(suite, options({ runBudget: { maxCostUsd: 1 } })), {
      name: "InvalidOptionError",
      message: /'runBudget.maxCostUsd' needs 'runBudget.costOf'/,
    });
    await assert.rejects(runAgent(suite, options({ runBudget: { maxTokens: -1 } })), {
      name: "InvalidOptionError",
      message: /'runBudget.maxTokens' must be a finite number >= 0; got -1/,
    });
  });

  it("a costOf that throws counts 0 and becomes one warning", async () => {
    const result = await runAgent(
      suite,
      options({
        runBudget: {
          maxCostUsd: 1,
          costOf: () => {
            throw new Error("no price for model x");
          },
        },
      }),
    );
    assert.equal(result.tasks.length, 5);
    assert.equal(result.stopReason, null);
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? "", /costOf failed on task a.*no price for model x/);
  });

  it("stops before the first task when maxDurationMs is already reached, and the stop reason survives the run file", async () => {
    const asked: string[] = [];
    const agent = echoing(asked);
    const result = await runAgent(suite, options({ agent, runBudget: { maxDurationMs: 0 } }));
    assert.deepEqual(asked, []);
    assert.equal(result.tasks.length, 0);
    assert.equal(result.stopReason?.budget, "durationMs");
    const json = runResultToJSON(result);
    assert.deepEqual(json.stop_reason, { ...result.stopReason });
    assert.deepEqual(
      runResultFromJSON(JSON.parse(JSON.stringify(json))).stopReason,
      result.stopReason,
    );
    const plain = runResultToJSON(await runAgent(suite.slice(0, 1), options()));
    assert.equal("stop_reason" in plain, false, "0.1 files gain the key only when stopped");
  });

  it("resumes a stopped run from its run file when its journal is gone", async () => {
    const store = new TinyStore();
    await runAgent(suite, options({ store, runId: "s", runBudget: { maxTokens: 5 } }));
    await store.discardJournal("s");
    const asked: string[] = [];
    const agent = echoing(asked);
    const resumed = await runAgent(suite, options({ store, agent, resume: "s" }));
    assert.deepEqual(asked, ["b", "c", "d", "e"]);
    assert.equal(resumed.tasks.length, 5);
    assert.equal(resumed.stopReason, null);
    // a finished run still refuses
    await assert.rejects(runAgent(suite, options({ store, resume: "s" })), {
      name: "ResumeError",
      message: "run s is already finished; nothing to resume",
    });
  });
});

describe("runAgent observers never lose the run", () => {
  it("a throwing subscriber, a failing save and a failing journal append become warnings", async () => {
    const store = new TinyStore();
    store.failSave = true;
    store.openJournal = async (header) => {
      void header;
      return {
        append: async () => {
          throw new Error("EIO journal");
        },
        close: async () => undefined,
      };
    };
    const stream = createStream();
    stream.subscribe((event) => {
      if (event.type === "TaskEvaluated") throw new Error("reporter crashed");
    });
    const result = await runAgent(suite.slice(0, 2), options({ store, stream, runId: "w" }));
    assert.equal(result.tasks.length, 2);
    assert.equal(result.passRate("answered"), 1);
    assert.deepEqual(result.warnings, [
      "journaling run w failed (a crash now would lose its tasks): Error: EIO journal",
      "stream subscriber failed on TaskEvaluated: Error: reporter crashed",
      "stream subscriber failed on TaskEvaluated: Error: reporter crashed",
      "saving run w failed: Error: disk full",
    ]);
  });

  it("a hand-written stream whose publish throws becomes a warning", async () => {
    const stream = createStream();
    const throwing = {
      ...stream,
      errors: stream.errors,
      publish() {
        throw new Error("socket closed");
      },
      [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    };
    const result = await runAgent(suite.slice(0, 1), options({ stream: throwing }));
    assert.equal(result.tasks[0]?.feedback[0]?.score, true);
    assert.deepEqual(result.warnings, [
      "stream.publish failed on EvalStarted: Error: socket closed",
      "stream.publish failed on TaskEvaluated: Error: socket closed",
    ]);
  });
});
