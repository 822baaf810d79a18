import assert from "node:assert/strict";
import { dirname } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { isAjv, isZod, type Resolution, resolutionsOf } from "./resolutions.test-helper.js";

// zod is ~95 ES modules, ~50 ms of start-up on Node 20. An evaluation that uses no tool
// schema, structured output or judge must not pay for it, so no package's main entry may load
// it; the schema subpaths and a judge's first score do. Each check runs a fresh node with a
// resolve hook that logs every module it resolves.
const here = dirname(fileURLToPath(import.meta.url));

/** Who imported zod from outside zod (zod's own imports of its modules repeat the same line). */
const zodImporters = (resolutions: readonly Resolution[]) =>
  resolutions
    .filter((resolution) => isZod(resolution) && !resolution.parent?.includes("/zod/"))
    .map((resolution) => `${resolution.parent} imports ${resolution.specifier}`);

const ENTRIES = [
  ["@ag2/eval-core", "/packages/core/dist/index.bundle.js"],
  ["@ag2/eval-core/internal", "/packages/core/dist/internal/index.bundle.js"],
  ["@ag2/eval-core/stats", "/packages/core/dist/stats/index.bundle.js"],
  ["@ag2/eval-store-fs", "/packages/store-fs/dist/index.bundle.js"],
  ["@ag2/eval-telemetry", "/packages/telemetry/dist/index.bundle.js"],
  ["@ag2/eval-agent", "/packages/agent/dist/index.bundle.js"],
  ["@ag2/eval-scorers", "/packages/scorers/dist/index.bundle.js"],
  ["@ag2/eval", "/packages/eval/dist/index.bundle.js"],
] as const;

describe("importing a package's main entry", () => {
  for (const [name, bundle] of ENTRIES) {
    it(`${name} loads no zod or ajv`, async () => {
      const [resolutions = []] = await resolutionsOf(
        `await import(${JSON.stringify(name)});`,
        here,
      );
      assert.ok(
        resolutions.some((resolution) => resolution.url.endsWith(bundle)),
        `the import went through ${bundle}`,
      );
      assert.deepEqual(zodImporters(resolutions), []);
      assert.deepEqual(resolutions.filter(isAjv), [], "the entry loaded ajv");
    });
  }
});

describe("what does load zod", () => {
  it("the schema subpaths, whose schemas parse", async () => {
    const [resolutions = []] = await resolutionsOf(
      `
const { runFileSchema } = await import("@ag2/eval-core/schema");
const { Verdict } = await import("@ag2/eval/schemas");
Verdict.parse({ score: 1, reasoning: "r" });
if (typeof runFileSchema.safeParse !== "function") throw new Error("runFileSchema is not a schema");
`,
      here,
    );
    assert.ok(
      resolutions.some(isZod),
      "the schema entries loaded zod (so the checks above see it)",
    );
  });

  it("a judge's first score, through the scorers' schemas entry, not its factory", async () => {
    const [imported = [], scored = []] = await resolutionsOf(
      `
const { agentJudge } = await import("@ag2/eval-scorers");
const { TestConfig } = await import("@ag2/eval-agent");
const { createTask, Trace } = await import("@ag2/eval-core");
const judge = agentJudge(new TestConfig('{"score": 1, "reasoning": "r"}'), { criterion: "c", key: "k" });
phase();
const trace = new Trace({ events: [{ type: "ModelResponse", content: "a" }] });
const task = createTask({ taskId: "t1", inputs: { input: "q" } });
const [feedback] = await judge.score({ inputs: task.inputs, outputs: { body: "a" }, referenceOutputs: null, trace, task });
if (feedback.score !== 1) throw new Error("unexpected feedback " + JSON.stringify(feedback));
`,
      here,
    );
    assert.deepEqual(zodImporters(imported), [], "importing, or building a judge, loaded zod");
    const schemas = scored.find((resolution) =>
      resolution.url.endsWith("/packages/scorers/dist/schemas.bundle.js"),
    );
    assert.ok(schemas, "the first score loads the schemas entry");
    assert.ok(
      scored.some((resolution) => isZod(resolution) && resolution.parent === schemas.url),
      "which brings zod",
    );
  });
});

describe("what does load ajv", () => {
  it("a JSON Schema scorer's first score, not its factory", async () => {
    const [imported = [], scored = []] = await resolutionsOf(
      `
const { jsonSchema } = await import("@ag2/eval-scorers");
const { createTask, Trace } = await import("@ag2/eval-core");
const check = jsonSchema({ type: "object", properties: { email: { format: "email" } } });
phase();
const trace = new Trace({ events: [{ type: "ModelResponse", content: "{}" }] });
const task = createTask({ taskId: "t1", inputs: { input: "q" } });
const [feedback] = await check.score({ inputs: task.inputs, outputs: { content: { email: "x" } }, referenceOutputs: null, trace, task });
if (feedback.score !== false) throw new Error("unexpected feedback " + JSON.stringify(feedback));
`,
      here,
    );
    assert.deepEqual(imported.filter(isAjv), [], "importing, or building the scorer, loaded ajv");
    assert.ok(scored.some(isAjv), "the first score loads ajv");
  });
});
