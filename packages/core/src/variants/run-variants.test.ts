import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { Tracing } from "../agent/tracing.js";
import type { EvalEvent } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import type { RunResult } from "../run-result/run-result.js";
import { runOf, taskResult } from "../run-result/task-results.test-helper.js";
import { scorer } from "../scoring/scorer.js";
import { InMemoryRunStore } from "../testing/in-memory-run-store.js";
import { slug } from "../util/slug.js";
import { runVariants, type VariantManifestStore } from "./run-variants.js";
import type { VariantManifest } from "./variant-run-result.js";
import { VariantRunResult } from "./variant-run-result.js";
import { Variants } from "./variants.js";

const answering = (name: string, answer: (input: string) => string): Agent => ({
  name,
  ask: async (input) => answer(input),
});
const suite = [
  { task_id: "t1", inputs: { input: "yes" } },
  { task_id: "t2", inputs: { input: "no" } },
];
const correct = scorer(({ inputs, outputs }) => outputs.body === inputs.input, { key: "correct" });

describe("slug and Variants", () => {
  it("replaces characters outside [A-Za-z0-9._-]", () => {
    assert.equal(slug("gpt-4o mini/v2.1"), "gpt-4o_mini_v2.1");
  });

  it("keeps order and rejects names that collide after slugging", () => {
    const v = new Variants(
      [
        ["b", answering("b", (i) => i)],
        ["a", answering("a", (i) => i)],
      ],
      { axis: "model" },
    );
    assert.deepEqual(v.names, ["b", "a"]);
    assert.equal(v.axis, "model");
    assert.throws(
      () => new Variants({ "x y": answering("1", String), x_y: answering("2", String) }),
      /names 'x y' and 'x_y' both become run-id suffix 'x_y'/,
    );
  });
});

describe("runVariants", () => {
  it("runs variants in order, tags events, records a crashing agent per task and saves each run", async () => {
    const store = new InMemoryRunStore();
    const manifests: VariantManifest[] = [];
    const withManifest = Object.assign(store, {
      saveManifest: async (m: VariantManifest) => void manifests.push(m),
    } satisfies VariantManifestStore);
    const stream = createStream();
    const events: EvalEvent[] = [];
    stream.subscribe((event) => void events.push(event));
    const sweep = await runVariants(suite, {
      variants: new Variants(
        {
          "echo v1": answering("echo", (input) => input),
          broken: answering("broken", () => {
            throw new TypeError("no model");
          }),
          half: answering("half", () => "yes"),
        },
        { axis: "prompt" },
      ),
      scorers: [correct],
      tracing: eventTracing(),
      store: withManifest,
      runId: "sweep",
      concurrency: 1,
      stream,
    });
    assert.deepEqual([...sweep.results.keys()], ["echo v1", "broken", "half"]);
    assert.deepEqual(
      [...sweep.results.values()].map((r) => r.runId),
      ["sweep-echo_v1", "sweep-broken", "sweep-half"],
    );
    assert.equal(sweep.results.get("broken")?.aggregates.errors, 2);
    assert.deepEqual((await store.list()).map((i) => i.runId).sort(), [
      "sweep-broken",
      "sweep-echo_v1",
      "sweep-half",
    ]);
    const outline = events
      .filter((e) => e.type !== "TaskEvaluated")
      .map(
        (e) =>
          `${e.type}:${e.runId}${"variant" in e ? `:${e.variant}` : ""}${"index" in e ? `:${e.index}/${e.total}` : ""}`,
      );
    assert.deepEqual(outline, [
      "VariantStarted:sweep:echo v1:1/3",
      "EvalStarted:sweep-echo_v1",
      "EvalCompleted:sweep-echo_v1",
      "VariantCompleted:sweep:echo v1",
      "VariantStarted:sweep:broken:2/3",
      "EvalStarted:sweep-broken",
      "EvalCompleted:sweep-broken",
      "VariantCompleted:sweep:broken",
      "VariantStarted:sweep:half:3/3",
      "EvalStarted:sweep-half",
      "EvalCompleted:sweep-half",
      "VariantCompleted:sweep:half",
    ]);
    const tagged = events.filter((e) => e.type === "TaskEvaluated").map((e) => e.variant);
    assert.deepEqual(tagged, ["echo v1", "echo v1", "broken", "broken", "half", "half"]);
    assert.equal(sweep.best("correct"), "echo v1");
    assert.equal(manifests.length, 1);
    assert.deepEqual(manifests[0]?.variants, [
      { name: "echo v1", run_id: "sweep-echo_v1" },
      { name: "broken", run_id: "sweep-broken" },
      { name: "half", run_id: "sweep-half" },
    ]);
    assert.equal(manifests[0]?.schema, "ag2-eval.variants/1");
    assert.equal(manifests[0]?.axis, "prompt");
  });

  it("records a variant whose run fails as a whole and goes on", async () => {
    const tracing = eventTracing();
    const picky: Tracing = {
      startTask: (context) => {
        if (context.agentName === "a") throw new RangeError("tracer refused agent a");
        return tracing.startTask(context);
      },
    };
    const sweep = await runVariants(suite, {
      variants: { first: answering("a", String), second: answering("b", String) },
      scorers: [correct],
      tracing: picky,
      store: null,
      runId: "s2",
    });
    assert.deepEqual([...sweep.results.keys()], ["second"]);
    assert.deepEqual(sweep.failures.get("first"), {
      type: "RangeError",
      message: "tracer refused agent a",
    });
    assert.deepEqual(
      sweep.manifest.variants.map((v) => v.run_id),
      [null, "s2-second"],
    );
    assert.match(
      sweep.summary("correct"),
      /\n {2}– first: failed \(RangeError: tracer refused agent a\)$/,
    );
  });

  it("a variant run or a manifest the store cannot save is recorded, the sweep goes on", async () => {
    const store = new InMemoryRunStore();
    const save = store.save.bind(store);
    const failing = Object.assign(store, {
      save: async (run: RunResult) => {
        if (run.runId === "s3-first") throw new Error("disk full");
        await save(run);
      },
      saveManifest: async () => {
        throw new RangeError("manifest refused");
      },
    });
    const sweep = await runVariants(suite, {
      variants: { first: answering("a", String), second: answering("b", String) },
      scorers: [correct],
      tracing: eventTracing(),
      store: failing,
      runId: "s3",
    });
    assert.deepEqual([...sweep.results.keys()], ["first", "second"]);
    const { type, message } = sweep.results.get("first")?.saveError ?? {};
    assert.deepEqual({ type, message }, { type: "Error", message: "disk full" });
    assert.equal(sweep.results.get("second")?.saveError, null);
    assert.equal(sweep.saveError?.type, "RangeError");
    assert.equal(sweep.saveError?.message, "manifest refused");
    assert.equal(sweep.results.get("first")?.passRate("correct"), 1, "the results are kept");
  });

  it("a sweep run again under its id is refused (not recorded per variant) unless overwritten", async () => {
    const store = new InMemoryRunStore();
    const sweep = (overwrite?: boolean) =>
      runVariants(suite, {
        variants: { first: answering("a", String), second: answering("b", String) },
        scorers: [correct],
        tracing: eventTracing(),
        store,
        runId: "again",
        ...(overwrite !== undefined && { overwrite }),
      });
    await sweep();
    await assert.rejects(sweep(), {
      name: "RunExistsError",
      message: /run again-first already exists/,
    });
    assert.equal((await sweep(true)).failures.size, 0);
  });

  it("rejects invalid options before running any variant", async () => {
    let asked = 0;
    await assert.rejects(
      runVariants(suite, {
        variants: { a: { name: "a", ask: async () => String(++asked) } },
        scorers: [correct],
        tracing: eventTracing(),
        store: null,
        repeats: 1.5,
      }),
      /option 'repeats' must be an integer/,
    );
    assert.equal(asked, 0);
  });
});

const rate = (passes: boolean[]) => passes.map((ok, i) => taskResult(`t${i}`, { ok }));
const sweepOf = (runs: Record<string, RunResult>, axis = "model") =>
  new VariantRunResult({
    runId: "s",
    axis,
    results: new Map(Object.entries(runs)),
    createdAt: "",
    durationMs: 0,
  });

describe("VariantRunResult", () => {
  it("ranks with competition ranking (1, 1, 1, 4) and keeps order among ties", () => {
    const sweep = sweepOf({
      a: runOf("a", rate([true, false])),
      b: runOf("b", rate([false, false])),
      c: runOf("c", rate([false, true])),
      d: runOf("d", rate([true, false])),
    });
    assert.deepEqual(
      sweep.leaderboard("ok").map((r) => [r.variant, r.rank, r.score, r.n]),
      [
        ["a", 1, 0.5, 2],
        ["c", 1, 0.5, 2],
        ["d", 1, 0.5, 2],
        ["b", 4, 0, 2],
      ],
    );
    assert.equal(sweep.best("ok"), null);
  });

  it("ranks numeric keys by mean and writes the A.4 summary (Wilson intervals after pass rates)", () => {
    const numeric = sweepOf({
      long: runOf("l", [taskResult("t1", { q: 0.25 }), taskResult("t2", { q: 0.5 })]),
      s: runOf("s", [taskResult("t1", { q: 0.75 })]),
    });
    assert.equal(numeric.best("q"), "s");
    assert.equal(
      numeric.summary("q"),
      [
        "Variants (axis: model) — ranked by q:",
        "  1. s     0.750  (n=1)",
        "  2. long  0.375  (n=2)",
      ].join("\n"),
    );
    const rates = sweepOf({
      one: runOf("o", rate([true, true])),
      two: runOf("t", rate([true, false, false, false])),
    });
    // Wilson: p = 1, n = 2 → [34.2%, 100%]; p = 0.25, n = 4 → [4.6%, 69.9%].
    assert.equal(
      rates.summary("ok"),
      [
        "Variants (axis: model) — ranked by ok:",
        "  1. one  100.0%  (n=2)  95% CI [34.2%, 100.0%]",
        "  2. two   25.0%  (n=4)  95% CI [4.6%, 69.9%]",
      ].join("\n"),
    );
  });

  it("readable: a small mean in significant digits where the reference prints 0.000", () => {
    const sweep = sweepOf({
      cheap: runOf("c", [taskResult("t1", { cost: 0.0000532 })]),
      dear: runOf("d", [taskResult("t1", { cost: 0.00011 })]),
    });
    assert.deepEqual(sweep.summary("cost").split("\n").slice(1), [
      "  1. dear   0.000  (n=1)",
      "  2. cheap  0.000  (n=1)",
    ]);
    assert.deepEqual(sweep.summary("cost", { readable: true }).split("\n").slice(1), [
      "  1. dear   0.00011  (n=1)",
      "  2. cheap  0.0000532  (n=1)",
    ]);
  });
});
