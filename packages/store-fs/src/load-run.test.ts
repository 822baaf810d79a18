import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { RunFileError } from "@ag2/eval-core";
import { computeAggregates } from "@ag2/eval-core/internal";
import { AG2_PYTHON_RUN } from "./__fixtures__/ag2-python-run.js";
import { makeRun } from "./__fixtures__/make-run.js";
import { fsRunStore } from "./fs-run-store.js";
import { loadRun } from "./load-run.js";
import { StoreFolderError } from "./store-folder-error.js";

const TOP_LEVEL_KEYS = [
  "schema_version",
  "run_id",
  "label",
  "created_at",
  "duration_ms",
  "suite",
  "target",
  "concurrency",
  "tasks",
  "aggregates",
];
const TASK_KEYS = [
  "task_id",
  "inputs",
  "reference_outputs",
  "tags",
  "metadata",
  "duration_ms",
  "events",
  "exception",
  "tokens",
  "feedback",
  "budget_violation",
  "trace_ref",
];
/** Per-task keys we add beyond the reference, written only when they have something to say. */
const OUR_TASK_KEYS = ["budget_violations"];

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-load-run-"));
});
after(() => rm(dir, { recursive: true, force: true }));

describe("interoperability with AG2's run files", () => {
  it("loads a file in AG2's layout and recomputes the stored aggregates", async () => {
    const path = join(dir, "py-run-1.json");
    await writeFile(path, AG2_PYTHON_RUN);
    const run = await loadRun(path);
    const stored = JSON.parse(AG2_PYTHON_RUN);
    assert.equal(run.runId, "py-run-1");
    assert.equal(run.label, "nightly");
    assert.equal(run.createdAt, "2026-11-26T10:30:00.123456+00:00");
    assert.equal(run.tasks[0]?.task.inputs.input, "Weather in São Paulo?");
    assert.deepEqual(run.tasks[0]?.task.referenceOutputs, { city: "São Paulo" });
    assert.equal(run.tasks[1]?.feedback[1]?.comment, "partial 😀");
    assert.deepEqual(run.tasks[1]?.trace.exception, {
      type: "TimeoutError",
      message: "model call timed out after 30s",
    });
    assert.deepEqual(run.tasks[0]?.feedback[0]?.detail, { count: 1 });
    assert.deepEqual(run.tasks[0]?.traceRef, {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      taskId: "sp",
      metadata: { service: "weather-agent" },
    });
    const again = computeAggregates(run.tasks);
    assert.deepEqual(again, run.aggregates);
    assert.deepEqual(run.aggregates.passRate, stored.aggregates.pass_rate);
    assert.deepEqual(run.aggregates.scoreStats.quality, stored.aggregates.score_stats.quality);
    assert.deepEqual(run.aggregates.valueCounts, stored.aggregates.value_counts);
    assert.equal(run.aggregates.tokens.input, stored.aggregates.tokens.input);
    assert.equal(run.aggregates.tokens.output, stored.aggregates.tokens.output);
    assert.equal(run.aggregates.tokens.total, stored.aggregates.tokens.total);
    assert.equal(run.aggregates.errors, 1);
    assert.equal(run.aggregates.budgetViolations, 1);
  });

  it("lists an AG2 file next to ours", async () => {
    const folder = join(dir, "mixed");
    const store = fsRunStore(folder);
    await store.save(
      makeRun({
        runId: "ours",
        size: 2,
        label: "nightly",
        createdAt: "2026-11-27T00:00:00.000000+00:00",
      }),
    );
    await writeFile(join(folder, "py-run-1.json"), AG2_PYTHON_RUN);
    const infos = await store.list({ label: "nightly" });
    assert.deepEqual(
      infos.map((info) => info.runId),
      ["ours", "py-run-1"],
    );
    assert.equal(infos[1]?.passRate["tool_called:get_weather"], 2 / 3);
    assert.deepEqual(store.lastWarnings, []);
  });

  it("writes exactly the reference's keys, in order, with non-ASCII escaped", async () => {
    const folder = join(dir, "keys");
    const store = fsRunStore(folder);
    const path = join(folder, "py-run-1.json");
    await store.save(await loadRunFrom(AG2_PYTHON_RUN));
    const text = await readFile(path, "utf8");
    assert.match(text, /"S\\u00e3o Paulo"/);
    assert.match(text, /\\ud83d\\ude00/);
    assert.ok(
      [...text].every((char) => char.charCodeAt(0) < 0x80),
      "only ASCII",
    );
    const json = JSON.parse(text);
    assert.deepEqual(Object.keys(json), TOP_LEVEL_KEYS);
    for (const task of json.tasks) {
      const keys = Object.keys(task);
      assert.deepEqual(keys.slice(0, TASK_KEYS.length), TASK_KEYS);
      for (const extra of keys.slice(TASK_KEYS.length))
        assert.ok(OUR_TASK_KEYS.includes(extra), extra);
      for (const fb of task.feedback)
        assert.deepEqual(Object.keys(fb), ["key", "score", "value", "comment", "detail"]);
    }
    assert.deepEqual(Object.keys(json.aggregates), [
      "pass_rate",
      "score_stats",
      "value_counts",
      "tokens",
      "errors",
      "budget_violations",
    ]);
    assert.deepEqual(Object.keys(json.aggregates.tokens), ["input", "output", "total"]);
    assert.deepEqual(Object.keys(json.suite), ["name", "size", "source"]);
  });

  it("round trip keeps feedback detail, tags, metadata, trace_ref and the exception's type", async () => {
    const folder = join(dir, "round");
    const store = fsRunStore(folder);
    const original = await loadRunFrom(AG2_PYTHON_RUN);
    await store.save(original);
    const back = await store.load("py-run-1");
    assert.deepEqual(back.toJSON(), original.toJSON());
    assert.equal(back.tasks[1]?.trace.exception?.type, "TimeoutError");
    assert.deepEqual(back.tasks[0]?.task.tags, ["br", "weather"]);
    assert.deepEqual(back.tasks[0]?.task.metadata, { difficulty: "easy" });
    assert.deepEqual(back.tasks[0]?.feedback[0]?.detail, { count: 1 });
    assert.equal(back.tasks[0]?.traceRef?.traceId, "0af7651916cd43dd8448eb211c80319c");
    assert.equal(back.tasks[1]?.budgetViolation, true);
    const ours = makeRun({ runId: "ours", size: 30, label: "l" });
    await store.save(ours);
    assert.deepEqual((await store.load("ours")).toJSON(), ours.toJSON());
  });
});

describe("loadRun errors name the file", () => {
  const cases: [string, (text: string) => string, RegExp][] = [
    ["truncated.json", (text) => text.slice(0, 200), /not valid JSON/],
    ["empty.json", () => "", /an empty file/],
    [
      "wrong-field.json",
      (text) => text.replace('"score": 1.0', '"score": "high"'),
      /tasks\[0\]\.feedback\[1\]\.score/,
    ],
    [
      "newer.json",
      (text) => text.replace('"schema_version": "0.1"', '"schema_version": "2.0"'),
      /schema_version/,
    ],
    ["array.json", () => "[]", /expected/],
  ];
  for (const [name, damage, field] of cases) {
    it(`${name}: RunFileError with the file and field`, async () => {
      const path = join(dir, name);
      await writeFile(path, damage(AG2_PYTHON_RUN));
      await assert.rejects(loadRun(path), (error: unknown) => {
        assert.ok(RunFileError.isInstance(error), String(error));
        assert.ok(error.message.includes(path), error.message);
        assert.match(error.message, field);
        return true;
      });
    });
  }

  it("a pairwise comparison or a sweep manifest asked for as a run says what it is", async () => {
    const pairwise = join(dir, "pw.json");
    await writeFile(
      pairwise,
      JSON.stringify({ run_id: "pw", variant_a: "A", variant_b: "B", cases: [] }),
    );
    await assert.rejects(loadRun(pairwise), (error: unknown) => {
      assert.ok(RunFileError.isInstance(error), String(error));
      assert.equal(
        error.message,
        `${pairwise}: expected a run file, got a pairwise comparison (it has variant_a and cases); \`ag2-eval report <id>\` (renderReport) shows it`,
      );
      return true;
    });
    const manifest = join(dir, "sweep.variants.json");
    await writeFile(manifest, JSON.stringify({ schema: "ag2-eval.variants/1", run_id: "s" }));
    await assert.rejects(loadRun(manifest), /got a "ag2-eval\.variants\/1" file \(it has schema/);
  });

  it("a missing file is a StoreFolderError naming it", async () => {
    const path = join(dir, "missing.json");
    await assert.rejects(loadRun(path), (error: unknown) => {
      assert.ok(StoreFolderError.isInstance(error));
      assert.equal(error.path, path);
      return true;
    });
  });
});

async function loadRunFrom(text: string) {
  const path = join(dir, `src-${Math.random().toString(16).slice(2)}.json`);
  await writeFile(path, text);
  return loadRun(path);
}
