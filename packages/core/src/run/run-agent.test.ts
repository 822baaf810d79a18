import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Agent, AgentFactory, AskOptions, ModelConfig } from "../agent/agent.js";
import { createStream } from "../events/stream.js";
import { scorer } from "../scoring/scorer.js";
import { runAgent } from "./run-agent.js";
import { capturingTracing, options, records, reversed } from "./run-agent.test-helper.js";
import { modelAgent } from "./run-fixtures.test.js";

describe("runAgent", () => {
  it("runs inline records, grades the model's answer and names the target after the agent's name", async () => {
    class Reverser implements Agent {
      readonly name = "reverser";
      ask(input: string, opts?: AskOptions) {
        return modelAgent(reversed).ask(input, opts);
      }
    }
    const result = await runAgent(records, options({ agent: new Reverser(), runId: "run1" }));
    assert.equal(result.runId, "run1");
    assert.equal(result.target, "reverser");
    assert.deepEqual(result.suite, { name: "inline", source: "inline", size: 2 });
    assert.deepEqual(
      result.tasks.map((t) => [t.task.taskId, t.feedback[0]?.score]),
      [
        ["a", true],
        ["b", true],
      ],
    );
    assert.equal(result.aggregates.tokens.total, 10);
    assert.match(result.tasks[0]?.traceRef?.traceId ?? "", /^[0-9a-f]{32}$/);
  });

  it("loads a JSONL path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "run-agent-"));
    try {
      const file = join(dir, "rev.jsonl");
      await writeFile(file, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
      const result = await runAgent(file, options());
      assert.deepEqual([result.suite.name, result.passRate("exact")], ["rev", 1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses tasks without inputs.input before running anything", async () => {
    let asked = 0;
    const agent: Agent = {
      name: "n",
      ask: async () => {
        asked++;
        return "x";
      },
    };
    const suite = [
      { task_id: "ok", inputs: { input: "" } },
      { task_id: "t2", inputs: { prompt: "hi" } },
      { task_id: "t3", inputs: {} },
    ];
    await assert.rejects(runAgent(suite, options({ agent })), {
      name: "InvalidOptionError",
      message: `runAgent asks the agent inputs['input'], but these task(s) have no 'input' key: ['t2', 't3']. Add an "input" to each (use "" for an intentionally empty prompt).`,
    });
    assert.equal(asked, 0);
  });

  it("expands repeats to <id>#1..#n grouped by task, and looks up model configs by repeated id then original id", async () => {
    const seen: [string, unknown][] = [];
    const agent: Agent = {
      name: "cfg",
      async ask(input, opts) {
        seen.push([input, (opts?.config as { model?: string } | undefined)?.model]);
        return reversed(input);
      },
    };
    const modelConfig = { a: { model: "small" }, "a#2": { model: "large" } };
    const result = await runAgent(
      records,
      options({ agent, repeats: 2, modelConfig, concurrency: 1 }),
    );
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      ["a#1", "a#2", "b#1", "b#2"],
    );
    assert.deepEqual(seen, [
      ["abc", "small"],
      ["abc", "large"],
      ["xy", undefined],
      ["xy", undefined],
    ]);
    assert.equal(result.suite.size, 4);
  });

  it("treats a Map as a per-task map and a class instance as one config for all", async () => {
    class Config {
      model = "one";
    }
    const configs: unknown[] = [];
    const agent: Agent = {
      name: "c",
      ask: async (_input, opts) => {
        configs.push(opts?.config);
        return "x";
      },
    };
    const single = new Config();
    await runAgent(records, options({ agent, modelConfig: single, concurrency: 1 }));
    await runAgent(
      records,
      options({ agent, modelConfig: new Map([["b", { model: "m" }]]), concurrency: 1 }),
    );
    assert.deepEqual(configs, [single, single, undefined, { model: "m" }]);
  });

  it("seeds span attributes in order: run id, variant, label, caller keys (winning), task id last", async () => {
    const tracing = capturingTracing();
    await runAgent(
      [records[0] as never],
      options({
        tracing,
        runId: "r9",
        variant: "v1",
        label: "nightly",
        spanAttributes: {
          team: "evals",
          "ag2.eval.label": "override",
          "ag2.eval.task_id": "spoof",
        },
      }),
    );
    const attributes = tracing.contexts[0]?.attributes ?? {};
    assert.deepEqual(Object.entries(attributes), [
      ["ag2.eval.run_id", "r9"],
      ["ag2.eval.variant", "v1"],
      ["ag2.eval.label", "override"],
      ["team", "evals"],
      ["ag2.eval.task_id", "a"],
    ]);
    assert.equal(tracing.contexts[0]?.runId, "r9");
    assert.equal(tracing.contexts[0]?.agentName, "model-agent");
  });

  it("takes outputs from ask()'s return value when the trace has no model response", async () => {
    const replies: Record<string, unknown> = {
      s: "plain",
      j: '{"n":1}',
      r: { content: "reply text" },
      o: { n: 2 },
      u: undefined,
    };
    const agent: Agent = { name: "fn", ask: async (input) => replies[input] };
    const suite = Object.keys(replies).map((id) => ({ task_id: id, inputs: { input: id } }));
    const outputs: unknown[] = [];
    const capture = scorer(
      ({ outputs: o }) => {
        outputs.push(o);
        return null;
      },
      { key: "capture" },
    );
    await runAgent(suite, options({ agent, scorers: [capture], concurrency: 1 }));
    assert.deepEqual(outputs, [
      { body: "plain", content: "plain" },
      { body: '{"n":1}', content: { n: 1 } },
      { body: "reply text", content: "reply text" },
      { body: '{"n":2}', content: { n: 2 } },
      {},
    ]);
  });

  it("records an agent that throws as that task's error, with its type, and goes on", async () => {
    class QuotaError extends Error {}
    const agent: Agent = {
      name: "flaky",
      async ask(input) {
        if (input === "abc") throw new QuotaError("quota exceeded");
        return reversed(input);
      },
    };
    const stream = createStream();
    const errors = new Map<string, string | null>();
    stream.subscribe((event) => {
      if (event.type === "TaskEvaluated") errors.set(event.taskId, event.error?.type ?? null);
    });
    const result = await runAgent(records, options({ agent, stream }));
    assert.equal(result.tasks[0]?.trace.exception?.type, "QuotaError");
    assert.equal(result.tasks[0]?.trace.exception?.message, "quota exceeded");
    assert.equal(result.tasks[1]?.feedback[0]?.score, true);
    assert.equal(result.aggregates.errors, 1);
    // progress displays count errors from the events, as they happen
    assert.deepEqual(Object.fromEntries(errors), { a: "QuotaError", b: null });
  });

  it("calls a factory once per task with { config, task, tracer } and names the target after it", async () => {
    const calls: [string, unknown][] = [];
    const makeAgent: AgentFactory = ({ config, task }) => {
      calls.push([task.taskId, config]);
      return modelAgent(reversed);
    };
    const cfg: ModelConfig = { model: "m" };
    const result = await runAgent(
      records,
      options({ agent: makeAgent, repeats: 2, modelConfig: { b: cfg }, concurrency: 1 }),
    );
    assert.deepEqual(calls, [
      ["a#1", undefined],
      ["a#2", undefined],
      ["b#1", cfg],
      ["b#2", cfg],
    ]);
    assert.equal(result.target, "makeAgent");
    assert.equal(result.passRate("exact"), 1);
  });

  it("a factory that throws is that task's error", async () => {
    const broken: AgentFactory = () => {
      throw new TypeError("no API key");
    };
    const result = await runAgent(records, options({ agent: broken }));
    assert.deepEqual(
      result.tasks.map((t) => t.trace.exception?.type),
      ["TypeError", "TypeError"],
    );
  });
});
