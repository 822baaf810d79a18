import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import * as core from "@ag2/eval-core";
import * as storeFs from "@ag2/eval-store-fs";
import * as evalPackage from "./index.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-eval-"));
});
after(() => rm(root, { recursive: true, force: true }));

/** An agent from @ag2/eval-agent whose scripted model answers each task's expected city. */
function cityAgent({ task }: { task: core.Task }) {
  const answer = String(task.referenceOutputs?.answer ?? "");
  return new evalPackage.Agent({ name: "cities", config: new evalPackage.TestConfig(answer) });
}

const suite = [
  {
    task_id: "fr",
    inputs: { input: "Capital of France?" },
    reference_outputs: { answer: "Paris" },
  },
  { task_id: "jp", inputs: { input: "Capital of Japan?" }, reference_outputs: { answer: "Tokyo" } },
  {
    task_id: "br",
    inputs: { input: "Capital of Brazil?" },
    reference_outputs: { answer: "Brasília" },
  },
];
const correct = evalPackage.scorer(
  ({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer,
  { key: "correct" },
);

describe("@ag2/eval runAgent", () => {
  it("saves to storeDir and traces through OpenTelemetry by default", async () => {
    const storeDir = join(root, "runs");
    const ended: string[] = [];
    const result = await evalPackage.runAgent(suite, {
      agent: cityAgent,
      scorers: [correct],
      storeDir,
      runId: "capitals-1",
      label: "smoke",
      spanProcessors: [
        {
          onStart() {},
          onEnd(span) {
            ended.push(String(span.attributes["ag2.eval.task_id"]));
          },
          forceFlush: async () => {},
          shutdown: async () => {},
        },
      ],
    });
    assert.equal(result.passRate("correct"), 1);
    assert.deepEqual(await readdir(storeDir), ["capitals-1.json"]);
    const loaded = await evalPackage.fsRunStore(storeDir).load("capitals-1");
    assert.deepEqual(loaded.toJSON(), result.toJSON());
    assert.deepEqual([...new Set(ended)].sort(), ["br", "fr", "jp"]);
    for (const task of result.tasks) {
      assert.equal(
        task.trace.eventsOf("ModelResponse").length,
        1,
        "the trace was rebuilt from spans",
      );
      assert.match(task.traceRef?.traceId ?? "", /^[0-9a-f]{32}$/);
    }
  });

  it("uses a given tracing and store, and saves nothing without either", async () => {
    const store = new storeFs.FsRunStore(join(root, "given"));
    const result = await evalPackage.runAgent(suite, {
      agent: cityAgent,
      scorers: [correct],
      store,
      tracing: evalPackage.eventTracing(),
      runId: "given-1",
    });
    assert.equal((await store.load("given-1")).passRate("correct"), result.passRate("correct"));
    const unsaved = await evalPackage.runAgent(suite, {
      agent: cityAgent,
      scorers: [correct],
      runId: "unsaved",
    });
    assert.equal(unsaved.tasks.length, 3);
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["given-1"],
    );
  });

  it("refuses store with storeDir, and spanProcessors with a custom tracing", async () => {
    await assert.rejects(
      evalPackage.runAgent(suite, {
        agent: cityAgent,
        scorers: [correct],
        store: new storeFs.FsRunStore(join(root, "a")),
        storeDir: join(root, "b"),
      }),
      (error: unknown) => error instanceof core.InvalidOptionError && error.option === "storeDir",
    );
    await assert.rejects(
      evalPackage.runAgent(suite, {
        agent: cityAgent,
        scorers: [correct],
        tracing: evalPackage.eventTracing(),
        spanProcessors: [],
      }),
      (error: unknown) =>
        error instanceof core.InvalidOptionError && error.option === "spanProcessors",
    );
  });

  it("resumes a cancelled run from storeDir, running only the missing tasks", async () => {
    const storeDir = join(root, "resume");
    const controller = new AbortController();
    const asked: string[] = [];
    const counting = (context: { task: core.Task }) => {
      asked.push(context.task.taskId);
      if (asked.length === 2) controller.abort(new Error("stop after two"));
      return cityAgent(context);
    };
    await assert.rejects(
      evalPackage.runAgent(suite, {
        agent: counting,
        scorers: [correct],
        storeDir,
        runId: "resumable",
        concurrency: 1,
        signal: controller.signal,
      }),
    );
    const journal = await evalPackage.fsRunStore(storeDir).readJournal("resumable");
    const journaled = journal?.results.map((result) => result.task.taskId) ?? [];
    assert.ok(journaled.length >= 1 && journaled.length < 3, `journaled ${journaled}`);
    asked.length = 0;
    const result = await evalPackage.runAgent(suite, {
      agent: counting,
      scorers: [correct],
      storeDir,
      resume: "resumable",
      concurrency: 1,
    });
    assert.deepEqual(
      asked,
      ["fr", "jp", "br"].filter((id) => !journaled.includes(id)),
    );
    assert.deepEqual(
      result.tasks.map((task) => task.task.taskId),
      ["fr", "jp", "br"],
    );
    assert.equal(result.passRate("correct"), 1);
    assert.equal((await evalPackage.fsRunStore(storeDir).load("resumable")).passRate("correct"), 1);
  });
});

describe("@ag2/eval evaluateTraces", () => {
  it("grades stored traces and saves the run to storeDir", async () => {
    const storeDir = join(root, "traces");
    const source = new evalPackage.InMemoryTraceSource([
      [
        { traceId: "a", taskId: "fr" },
        new evalPackage.Trace({ events: [{ type: "ModelResponse", content: "Paris" }] }),
      ],
      [
        { traceId: "b", taskId: "jp" },
        new evalPackage.Trace({ events: [{ type: "ModelResponse", content: "Osaka" }] }),
      ],
    ]);
    const result = await evalPackage.evaluateTraces(source, {
      scorers: [correct],
      suite: evalPackage.Suite.fromList(suite, { name: "capitals" }),
      storeDir,
      runId: "graded-1",
    });
    assert.equal(result.passRate("correct"), 0.5);
    assert.equal(
      (await evalPackage.loadRun(join(storeDir, "graded-1.json"))).passRate("correct"),
      0.5,
    );
  });
});

describe("@ag2/eval runVariants", () => {
  it("saves each variant's run and the sweep manifest to storeDir", async () => {
    const storeDir = join(root, "variants");
    const wrong = () =>
      new evalPackage.Agent({ name: "wrong", config: new evalPackage.TestConfig("Lyon") });
    const sweep = await evalPackage.runVariants(suite, {
      variants: new evalPackage.Variants({ right: cityAgent, wrong }, { axis: "prompt" }),
      scorers: [correct],
      storeDir,
      runId: "sweep",
    });
    const store = evalPackage.fsRunStore(storeDir);
    assert.deepEqual((await store.list()).map((info) => info.runId).sort(), [
      "sweep-right",
      "sweep-wrong",
    ]);
    assert.equal((await store.load("sweep-right")).passRate("correct"), 1);
    assert.equal((await store.load("sweep-wrong")).passRate("correct"), 0);
    const manifest = await store.loadManifest("sweep");
    assert.deepEqual(
      manifest?.variants.map((variant) => variant.run_id),
      ["sweep-right", "sweep-wrong"],
    );
    assert.equal(sweep.best("correct"), "right");
  });
});

describe("@ag2/eval evaluatePairwise", () => {
  it("saves the comparison to storeDir, where the store reads it back", async () => {
    const storeDir = join(root, "pairwise");
    const answer = (content: string) =>
      new evalPackage.Trace({ events: [{ type: "ModelResponse", content }] });
    const result = await evalPackage.evaluatePairwise(
      new evalPackage.InMemoryTraceSource([[{ traceId: "a", taskId: "fr" }, answer("Lyon")]]),
      new evalPackage.InMemoryTraceSource([[{ traceId: "b", taskId: "fr" }, answer("Paris")]]),
      {
        comparators: [
          {
            key: "correct",
            compare: ({ traceB }) => ({
              winner: traceB.eventsOf("ModelResponse")[0]?.content === "Paris" ? "b" : "a",
            }),
          },
        ],
        storeDir,
        runId: "pw",
      },
    );
    const back = await evalPackage.fsRunStore(storeDir).loadPairwise("pw");
    assert.deepEqual(back.toJSON(), result.toJSON());
  });
});
