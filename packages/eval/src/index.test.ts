import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as core from "@ag2/eval-core";
import * as storeFs from "@ag2/eval-store-fs";
import * as evalPackage from "./index.js";

const WRAPPED = new Set([
  "runAgent",
  "evaluateTraces",
  "runVariants",
  "runPairwise",
  "evaluatePairwise",
]);
/** Names two packages both export, re-exported here under another name (entry.name → name). */
const RENAMED: Record<string, string> = {};

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

/**
 * Which @ag2/eval entry re-exports each subpath of the other packages (by `exports` key), or
 * null with the reason it does not. A new subpath fails the tests until it is listed here.
 */
const ENTRY_OF: Record<string, string | null> = {
  ".": ".",
  // zod schemas: on @ag2/eval's own subpath, since re-exporting them from "." would load zod
  "./schema": "./schemas",
  "./schemas": "./schemas",
  // core's contract suites and fakes, for people implementing a store or a trace source
  "./testing": null,
  "./package.json": null,
};
const FOLDERS = ["core", "agent", "telemetry", "scorers", "store-fs"];
const here = dirname(fileURLToPath(import.meta.url));

interface Entry {
  readonly name: string;
  readonly specifier: string;
  readonly types: string;
  readonly ours: string;
}

/** Every entry of the other packages that @ag2/eval re-exports, read from their `exports`. */
async function reexportedEntries(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const folder of FOLDERS) {
    const root = join(here, "../../", folder);
    const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      name: string;
      exports: Record<string, string | { types?: string }>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      assert.ok(subpath in ENTRY_OF, `${manifest.name} exports ${subpath}: add it to ENTRY_OF`);
      const ours = ENTRY_OF[subpath];
      if (!ours || typeof target === "string" || !target.types) continue;
      entries.push({
        name: `${manifest.name}${subpath.slice(1)}`,
        specifier: `${manifest.name}${subpath.slice(1)}`,
        types: join(root, target.types),
        ours,
      });
    }
  }
  return entries;
}

/** The built module and declaration file of one of @ag2/eval's own entries. */
function ourEntry(subpath: string): { module: string; types: string } {
  const stem = { ".": "index", "./schemas": "schemas" }[subpath];
  assert.ok(stem, `@ag2/eval has no entry ${subpath}`);
  return { module: `./${stem}.js`, types: join(here, `${stem}.d.ts`) };
}

describe("@ag2/eval re-exports", () => {
  it("exports every runtime name of core, agent, telemetry, scorers and store-fs", async () => {
    const entries = await reexportedEntries();
    assert.deepEqual([...new Set(entries.map((entry) => entry.name))].sort(), [
      "@ag2/eval-agent",
      "@ag2/eval-core",
      "@ag2/eval-core/schema",
      "@ag2/eval-scorers",
      "@ag2/eval-scorers/schemas",
      "@ag2/eval-store-fs",
      "@ag2/eval-telemetry",
    ]);
    for (const entry of entries) {
      const module: Record<string, unknown> = await import(entry.specifier);
      const ours: Record<string, unknown> = { ...(await import(ourEntry(entry.ours).module)) };
      for (const [key, value] of Object.entries(module)) {
        const exported = RENAMED[`${entry.name}.${key}`] ?? key;
        assert.ok(exported in ours, `${entry.name}.${key} is not re-exported from ${entry.ours}`);
        if (!WRAPPED.has(key)) {
          assert.equal(ours[exported], value, `${entry.name}.${key}`);
        }
      }
    }
    assert.notEqual(evalPackage.runAgent, core.runAgent);
    assert.notEqual(evalPackage.evaluateTraces, core.evaluateTraces);
  });

  it("exports every type name of core, agent, telemetry, scorers and store-fs", async () => {
    for (const entry of await reexportedEntries()) {
      const ours = exportedNames(await readFile(ourEntry(entry.ours).types, "utf8"));
      // core's Agent interface is AgentInterface here; Agent is the class
      if (entry.ours === ".") ours.add("Agent");
      const missing = [...exportedNames(await readFile(entry.types, "utf8"))].filter(
        (name) => !ours.has(name),
      );
      assert.deepEqual(
        missing,
        [],
        `${entry.name} names missing from @ag2/eval${entry.ours.slice(1)}`,
      );
    }
  });

  it("keeps every zod schema off the main entry", () => {
    for (const name of [
      "runFileSchema",
      "taskResultFileSchema",
      "traceEventSchema",
      "Verdict",
      "Attribution",
      "PairwiseVerdict",
    ]) {
      assert.equal(name in evalPackage, false, `${name} is exported from @ag2/eval`);
    }
  });
});

/** The names a declaration file exports, types and values alike, after any `as` rename. */
function exportedNames(declarations: string): Set<string> {
  const names = new Set<string>();
  for (const match of declarations.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const specifier of (match[1] ?? "").split(",")) {
      const name = specifier
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return names;
}

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
