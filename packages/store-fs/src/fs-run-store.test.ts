import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { evaluatePairwise, InMemoryTraceSource, Trace } from "@ag2/eval-core";
import { makeRun } from "./__fixtures__/make-run.js";
import { FsRunStore, fsRunStore } from "./fs-run-store.js";
import { InvalidRunIdError } from "./invalid-run-id-error.js";
import { RunNotFoundError } from "./run-not-found-error.js";
import { StoreFolderError } from "./store-folder-error.js";
import type { StoreWarning } from "./store-warning.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-fs-store-"));
});
after(() => rm(root, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  counter++;
  return join(root, `case-${counter}`);
}

describe("FsRunStore save and load", () => {
  it("writes <dir>/<run_id>.json, creating the folder, and loads it back", async () => {
    const dir = join(freshDir(), "nested", "runs");
    const store = fsRunStore(dir);
    const run = makeRun({ runId: "r1", size: 12, label: "nightly" });
    await store.save(run);
    assert.deepEqual(await readdir(dir), ["r1.json"]);
    const loaded = await store.load("r1");
    assert.deepEqual(loaded.toJSON(), run.toJSON());
    assert.equal(loaded.label, "nightly");
    assert.equal(loaded.passRate("correct"), run.passRate("correct"));
  });

  it("overwrites a run saved again under the same id", async () => {
    const store = fsRunStore(freshDir());
    await store.save(makeRun({ runId: "same", size: 3 }));
    await store.save(makeRun({ runId: "same", size: 5 }));
    assert.equal((await store.load("same")).tasks.length, 5);
    assert.equal((await store.list()).length, 1);
  });

  it("refuses an unsafe run id before touching the disk", async () => {
    const dir = freshDir();
    const store = fsRunStore(dir);
    for (const runId of ["../escape", "a/b", "..", ".hidden", "nul\0", ""]) {
      await assert.rejects(store.save(makeRun({ runId, size: 1 })), InvalidRunIdError);
      await assert.rejects(store.load(runId), InvalidRunIdError);
      await assert.rejects(store.delete(runId), InvalidRunIdError);
    }
    await assert.rejects(readdir(dir), { code: "ENOENT" });
    await assert.rejects(readdir(join(root, "escape.json")), { code: "ENOENT" });
  });

  it("names the folder when it cannot be created", async () => {
    const blocker = join(freshDir(), "file");
    await mkdir(join(blocker, ".."), { recursive: true });
    await writeFile(blocker, "not a folder");
    const store = fsRunStore(join(blocker, "runs"));
    await assert.rejects(store.save(makeRun({ runId: "r", size: 1 })), (error: unknown) => {
      assert.ok(StoreFolderError.isInstance(error));
      assert.equal(error.path, join(blocker, "runs"));
      assert.match(error.message, /cannot create the folder .*file\/runs/);
      assert.match(error.message, /expected a folder there, got a file/);
      return true;
    });
    // a store path that is itself a file: listing and saving both name the mistake
    const asFile = fsRunStore(blocker);
    await assert.rejects(
      asFile.list(),
      /cannot list .*: ENOTDIR.*expected a folder there, got a file/,
    );
    await assert.rejects(
      asFile.save(makeRun({ runId: "r", size: 1 })),
      /cannot create the folder .*: EEXIST.*expected a folder there, got a file/,
    );
  });

  it("rejects loading an unknown id with an error naming it", async () => {
    const store = fsRunStore(freshDir());
    await assert.rejects(store.load("nope"), (error: unknown) => {
      assert.ok(RunNotFoundError.isInstance(error));
      assert.equal(error.runId, "nope");
      assert.match(error.message, /"nope"/);
      return true;
    });
  });

  it("deletes a run and rejects deleting it twice", async () => {
    const store = fsRunStore(freshDir());
    await store.save(makeRun({ runId: "gone", size: 2 }));
    await store.delete("gone");
    assert.deepEqual(await store.list(), []);
    await assert.rejects(store.delete("gone"), RunNotFoundError);
  });
});

describe("FsRunStore list and trend", () => {
  it("lists newest first, filters by label, and trends oldest to newest", async () => {
    const store = new FsRunStore(freshDir());
    await store.save(
      makeRun({ runId: "b", size: 3, label: "x", createdAt: "2026-11-26T10:00:00.000002+00:00" }),
    );
    await store.save(
      makeRun({ runId: "a", size: 6, label: "x", createdAt: "2026-11-26T10:00:00.000001+00:00" }),
    );
    await store.save(
      makeRun({ runId: "c", size: 9, label: "y", createdAt: "2026-11-27T09:00:00+00:00" }),
    );
    await store.save(
      makeRun({ runId: "d", size: 1, label: "x", createdAt: "2026-11-25T09:00:00.5+00:00" }),
    );
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["c", "b", "a", "d"],
    );
    const x = await store.list({ label: "x" });
    assert.deepEqual(
      x.map((info) => info.runId),
      ["b", "a", "d"],
    );
    const a = makeRun({ runId: "a", size: 6 });
    const infoA = x[1];
    assert.equal(infoA?.passRate.correct, a.passRate("correct"));
    assert.equal(infoA?.scoreMeans.quality, a.scoreStats("quality").mean);
    assert.equal(infoA?.suite.size, 6);
    const trend = await store.trend("x");
    assert.deepEqual(
      trend.map((point) => point.runId),
      ["d", "a", "b"],
    );
    assert.equal(trend[1]?.passRate.correct, a.passRate("correct"));
    assert.equal(trend[1]?.scoreMeans.quality, a.scoreStats("quality").mean);
    assert.deepEqual(await store.trend("none"), []);
  });

  it("lists nothing for a folder that does not exist yet", async () => {
    assert.deepEqual(await fsRunStore(freshDir()).list(), []);
  });

  it("skips bad files with a warning naming each, and ignores temp files, journals and pairwise runs", async () => {
    const dir = freshDir();
    const seen: StoreWarning[] = [];
    const store = fsRunStore({ dir, onWarning: (warning) => seen.push(warning) });
    await store.save(makeRun({ runId: "good", size: 2 }));
    const goodText = await readFile(join(dir, "good.json"), "utf8");
    await writeFile(join(dir, "truncated.json"), goodText.slice(0, goodText.length / 2));
    await writeFile(
      join(dir, "wrong.json"),
      goodText.replace('"concurrency": 4', '"concurrency": "four"'),
    );
    await writeFile(
      join(dir, "newer.json"),
      goodText.replace('"schema_version": "0.1"', '"schema_version": "9.0"'),
    );
    await writeFile(join(dir, "empty.json"), "");
    await writeFile(join(dir, ".good.json.123.abc.tmp"), goodText.slice(0, 10));
    await writeFile(join(dir, "good.journal.jsonl"), "{}\n");
    await writeFile(join(dir, "notes.txt"), "hello");
    await writeFile(
      join(dir, "pair.json"),
      JSON.stringify({ run_id: "pair", variant_a: "A", variant_b: "B" }),
    );
    await writeFile(
      join(dir, "sweep.json"),
      JSON.stringify({ schema: "ag2-eval.variants/1", run_id: "s" }),
    );
    const infos = await store.list();
    assert.deepEqual(
      infos.map((info) => info.runId),
      ["good"],
    );
    const files = store.lastWarnings.map((warning) => warning.file).sort();
    assert.deepEqual(
      files,
      ["empty.json", "newer.json", "truncated.json", "wrong.json"].map((name) => join(dir, name)),
    );
    assert.deepEqual(seen, store.lastWarnings);
    const wrong = store.lastWarnings.find((warning) => warning.file.endsWith("wrong.json"));
    assert.match(wrong?.message ?? "", /wrong\.json/);
    assert.match(wrong?.message ?? "", /concurrency/);
    const newer = store.lastWarnings.find((warning) => warning.file.endsWith("newer.json"));
    assert.match(newer?.message ?? "", /schema_version/);
  });

  it("keeps listing when the warning observer throws", async () => {
    const dir = freshDir();
    const store = fsRunStore({
      dir,
      onWarning: () => {
        throw new Error("observer bug");
      },
    });
    await store.save(makeRun({ runId: "ok", size: 1 }));
    await writeFile(join(dir, "bad.json"), "{");
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["ok"],
    );
    assert.equal(store.lastWarnings.length, 1);
  });
});

describe("FsRunStore variant manifests", () => {
  it("saves and loads a sweep manifest beside the runs, and listing skips it", async () => {
    const dir = freshDir();
    const store = fsRunStore(dir);
    const manifest = {
      schema: "ag2-eval.variants/1",
      run_id: "sweep",
      axis: "model",
      label: null,
      created_at: "2026-11-26T10:30:00.123000+00:00",
      duration_ms: 10,
      variants: [
        { name: "gpt-4o", run_id: "sweep-gpt-4o" },
        { name: "mini", run_id: null, error: { type: "Error", message: "boom" } },
      ],
    } as const;
    await store.saveManifest(manifest);
    await store.save(makeRun({ runId: "sweep-gpt-4o", size: 2 }));
    assert.deepEqual(await store.loadManifest("sweep"), manifest);
    assert.equal(await store.loadManifest("other"), null);
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["sweep-gpt-4o"],
    );
    assert.deepEqual(store.lastWarnings, []);
    assert.deepEqual((await readdir(dir)).sort(), ["sweep-gpt-4o.json", "sweep.variants.json"]);
    await assert.rejects(store.saveManifest({ ...manifest, run_id: "../x" }), InvalidRunIdError);
  });
});

describe("FsRunStore pairwise runs", () => {
  it("saves a pairwise comparison as <run_id>.json, loads it back, and listing skips it", async () => {
    const dir = freshDir();
    const store = fsRunStore(dir);
    const pairwise = await evaluatePairwise(
      new InMemoryTraceSource([
        [
          { traceId: "a1", taskId: "t1" },
          new Trace({ events: [{ type: "ModelResponse", content: "short" }] }),
        ],
      ]),
      new InMemoryTraceSource([
        [
          { traceId: "b1", taskId: "t1" },
          new Trace({ events: [{ type: "ModelResponse", content: "longer" }] }),
        ],
      ]),
      {
        comparators: [
          {
            key: "longer",
            compare: ({ traceA, traceB }) => ({
              winner: length(traceB) > length(traceA) ? "b" : "a",
              reasoning: "longer answer wins",
              detail: { a: length(traceA), b: length(traceB) },
            }),
          },
        ],
        runId: "pw-1",
      },
    );
    await store.savePairwise(pairwise);
    await store.save(makeRun({ runId: "r", size: 1 }));
    assert.deepEqual((await store.loadPairwise("pw-1")).toJSON(), pairwise.toJSON());
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["r"],
    );
    assert.deepEqual(store.lastWarnings, []);
    await assert.rejects(store.loadPairwise("none"), RunNotFoundError);
  });
});

function length(trace: Trace): number {
  return trace.eventsOf("ModelResponse").at(-1)?.content?.length ?? 0;
}
