import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as core from "@ag2/eval-core";
import * as coreInternal from "@ag2/eval-core/internal";
import * as evalPackage from "./index.js";

// @ag2/eval is what users write in evaluations, in one import: each name it re-exports is the
// other package's own object (the wrapped runners excepted), the contract's names are all
// there, and the list stays short. Its `/schemas` entry re-exports every zod schema.
const WRAPPED = new Set([
  "runAgent",
  "evaluateTraces",
  "runVariants",
  "runPairwise",
  "evaluatePairwise",
]);
/** The main entries @ag2/eval re-exports from. */
const SOURCES = [
  "@ag2/eval-core",
  "@ag2/eval-agent",
  "@ag2/eval-scorers",
  "@ag2/eval-store-fs",
  "@ag2/eval-telemetry",
];
/** The runtime names the project promised its users and may never drop (the public contract). */
const CONTRACT = [
  ...["Suite", "Trace", "InMemoryTraceSource", "scorer", "ScorerReturnTypeError", "RunResult"],
  ...["RunDiff", "RunsNotComparableError", "runAgent", "evaluateTraces", "runVariants"],
  ...["Variants", "VariantRunResult", "runPairwise", "evaluatePairwise", "PairwiseRunResult"],
  ...["createStream", "consoleReporter", "Agent", "tool", "TestConfig", "OpenAICompatibleConfig"],
  ...["TelemetryMiddleware", "otelTracing", "spansToTrace", "readableSpansToTrace"],
  ...["readableSpanToData", "otlpJsonToSpans", "AG2GenAIConvention", "OpenInferenceConvention"],
  ...["AISDKConvention", "DEFAULT_CONVENTIONS", "DirectoryTraceSource", "saveTrace"],
  ...["TempoTraceSource", "OtlpFileTraceSource", "toolCalled", "noToolErrors"],
  ...["finalAnswerMatches", "tokenBudget", "threshold", "agentJudge", "pairwiseJudge"],
  ...["failureAttribution", "ERROR_MODES", "humanPairwise", "humanLabels", "exportPairwiseCases"],
  ...["FsRunStore", "fsRunStore", "loadRun"],
];

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
  // statistics and the packages' shared plumbing stay on core's own entries
  "./stats": null,
  "./internal": null,
  // formatNumber for browser bundles (the report app); the same function is on core's main entry
  "./format": null,
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
  const stem = { ".": "index", "./schemas": "schemas", "./cli": "cli" }[subpath];
  assert.ok(stem, `@ag2/eval has no entry ${subpath}`);
  return { module: `./${stem}.js`, types: join(here, `${stem}.d.ts`) };
}

describe("@ag2/eval re-exports", () => {
  it("re-exports each name as the object of the package that defines it", async () => {
    const sources: Record<string, unknown>[] = [];
    for (const specifier of SOURCES) sources.push(await import(specifier));
    for (const [key, value] of Object.entries(evalPackage)) {
      if (WRAPPED.has(key)) continue;
      const source = sources.find((module) => key in module);
      assert.ok(source, `@ag2/eval exports ${key}, which no other package's main entry has`);
      assert.equal(value, source[key], key);
    }
    assert.notEqual(evalPackage.runAgent, core.runAgent);
    assert.notEqual(evalPackage.evaluateTraces, core.evaluateTraces);
  });

  it("exports every public name of the architecture's contract", () => {
    const missing = CONTRACT.filter((name) => !(name in evalPackage));
    assert.deepEqual(missing, []);
  });

  it("stays a list a person can hold in their head (at most 150 names)", async () => {
    const names = exportedNames(await readFile(ourEntry(".").types, "utf8"));
    assert.ok(names.size <= 150, `@ag2/eval exports ${names.size} names`);
  });

  it("re-exports every runtime and type name of the zod schema entries on ./schemas", async () => {
    const entries = (await reexportedEntries()).filter((entry) => entry.ours !== ".");
    assert.deepEqual(entries.map((entry) => entry.name).sort(), [
      "@ag2/eval-core/schema",
      "@ag2/eval-scorers/schemas",
    ]);
    for (const entry of entries) {
      const module: Record<string, unknown> = await import(entry.specifier);
      const ours: Record<string, unknown> = { ...(await import(ourEntry(entry.ours).module)) };
      for (const [key, value] of Object.entries(module)) {
        assert.equal(
          ours[key],
          value,
          `${entry.name}.${key} is not re-exported from ${entry.ours}`,
        );
      }
      const names = exportedNames(await readFile(ourEntry(entry.ours).types, "utf8"));
      const missing = [...exportedNames(await readFile(entry.types, "utf8"))].filter(
        (name) => !names.has(name),
      );
      assert.deepEqual(
        missing,
        [],
        `${entry.name} names missing from @ag2/eval${entry.ours.slice(1)}`,
      );
    }
  });

  it("gives tool authors core's own objects on ./cli, none of them on the main entry", async () => {
    const cli: Record<string, unknown> = { ...(await import(ourEntry("./cli").module)) };
    assert.deepEqual(Object.keys(cli).sort(), [
      "RunNeverSettledError",
      "closestName",
      "formatNumber",
    ]);
    const coreNames: Record<string, unknown> = { ...core, ...coreInternal };
    for (const [key, value] of Object.entries(cli)) {
      assert.equal(value, coreNames[key], key);
      assert.equal(key in evalPackage, false, `${key} is on the main entry too`);
    }
    const error = new core.RunNeverSettledError("r1", ["a (agent)"]);
    assert.ok(error instanceof (cli.RunNeverSettledError as typeof core.RunNeverSettledError));
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
