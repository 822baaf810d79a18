import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { z } from "zod";
import { runResultFromJSON } from "../run-result/parse-run-file.js";
import { RunFileError } from "./run-file-error.js";
import { runFileSchema, taskResultFileSchema, traceEventSchema } from "./run-file-schema.js";
import { runFileCheck, taskResultFileCheck, traceEventCheck } from "./run-file-shapes.js";
import type { Check } from "./shape-check.js";

// The reader's hand-written checks must agree with the public zod schemas: same documents
// accepted, and for a rejected one the same first field and the same `expected` text. Every
// field of a full document is replaced in turn by each probe value (and by nothing), then
// pairs of fields are broken at once, so the key order of the first problem is compared too.

type Path = (string | number)[];
const REMOVE = Symbol("remove");
const PROBES: unknown[] = [
  REMOVE,
  null,
  "x",
  "0.1",
  "tokens",
  "maxTokensPerTask",
  true,
  0,
  3,
  -1,
  1.5,
  -2.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  [],
  ["x"],
  [1],
  {},
  { extra: 1 },
  { type: "a", message: "b" },
  Object.create(null),
  new Date(0),
];

const task = () => ({
  task_id: "t1",
  inputs: { question: "q" },
  reference_outputs: { answer: "a" },
  tags: ["smoke"],
  metadata: { i: 1 },
  duration_ms: 12.5,
  events: [{ type: "HumanMessage", content: "hi" }],
  exception: { type: "ValueError", message: "boom" },
  tokens: { input: 10, output: 2, cache_creation: 0, cache_read: 1 },
  feedback: [{ key: "exact", score: true, value: "v", comment: "c", detail: { why: 1 } }],
  budget_violation: false,
  trace_ref: { trace_id: "abc", task_id: "t1", metadata: { m: 1 } },
  budget_violations: [{ limit: "maxTokensPerTask", threshold: 5, actual: 12 }],
  attempts: [{ error: { type: "E", message: "m" }, duration_ms: 3 }],
  later_key: "ignored",
});

const runFile = () => ({
  schema_version: "0.1",
  run_id: "r1",
  label: "nightly",
  created_at: "2026-11-26T10:30:00+00:00",
  duration_ms: 5,
  suite: { name: "s", size: 2, source: "suite.json" },
  target: "Agent",
  concurrency: 4,
  tasks: [task(), task()],
  aggregates: { anything: true },
  stop_reason: { budget: "tokens", limit: 10, used: 12 },
});

const events = (): Record<string, unknown>[] => [
  {
    type: "ModelResponse",
    content: "a",
    toolCalls: [{ id: "c1", name: "f", arguments: "{}" }],
    usage: {
      inputTokens: 1,
      outputTokens: 2,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
      thinkingTokens: null,
    },
    model: "m",
    provider: "p",
    finishReason: "stop",
    createdAt: 1500,
  },
  { type: "ToolCallEvent", id: "c1", name: "f", arguments: "{}", createdAt: 1 },
  { type: "ToolResultEvent", parentId: "c1", name: "f", result: "ok", createdAt: 1 },
  { type: "ToolErrorEvent", parentId: "c1", name: "f", error: { type: "E", message: "m" } },
  { type: "HumanInputRequest", prompt: "?", createdAt: 2 },
  { type: "HumanMessage", content: "hi" },
];

/** Every path into a JSON document, parents before children. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
}

function withValue<T>(doc: T, path: Path, value: unknown): T {
  const copy = structuredClone(doc);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const fieldOf = (path: readonly PropertyKey[]) =>
  path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
    .join("");

/** What the reader reported when it used zod: the first issue's field and expected text. */
function zodVerdict(schema: z.ZodType, doc: unknown): string {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return "ok";
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const builtIn = /expected (.+?)(, received .*)?$/.exec(issue.message);
  const expected = builtIn?.[1] ?? issue.message;
  return `${fieldOf(issue.path)}: ${expected}`;
}

function checkVerdict(check: Check, doc: unknown): string {
  const problem = check(doc);
  return problem ? `${fieldOf(problem.path)}: ${problem.expected}` : "ok";
}

function compareAll(check: Check, schema: z.ZodType, docs: readonly unknown[]): number {
  let rejected = 0;
  for (const doc of docs) {
    const ours = checkVerdict(check, doc);
    assert.equal(ours, zodVerdict(schema, doc), `for ${JSON.stringify(doc)}`);
    if (ours !== "ok") rejected++;
  }
  return rejected;
}

function mutations<T>(base: T): T[] {
  const paths = pathsOf(base);
  const single = paths.flatMap((path) => PROBES.map((probe) => withValue(base, path, probe)));
  const pairs = paths.flatMap((first, i) =>
    paths.slice(i + 1).map((second) => withValue(withValue(base, second, "x"), first, -1)),
  );
  return [base, ...single, ...pairs];
}

describe("run file checks agree with the zod schemas", () => {
  it("on a whole run file with each field broken in turn, and pairs of them", () => {
    const docs = [...mutations(runFile()), [], "x", null, {}, { tasks: [] }];
    const rejected = compareAll(runFileCheck, runFileSchema, docs);
    assert.ok(rejected > docs.length / 2, `only ${rejected} of ${docs.length} rejected`);
  });

  it("on single tasks (a journal line)", () => {
    const docs = [...mutations(task()), 3, [], { task_id: "t", inputs: {} }];
    assert.ok(compareAll(taskResultFileCheck, taskResultFileSchema, docs) > 0);
  });

  it("on trace events of every type (accepted events are kept, the rest dropped)", () => {
    const docs: unknown[] = events().flatMap((event) => mutations(event));
    docs.push({ type: "Unknown" }, { content: "no type" }, "x", null);
    let dropped = 0;
    for (const doc of docs) {
      // only keep-or-drop matters for events: a dropped event has no error message
      const kept = traceEventCheck(doc) === undefined;
      assert.equal(kept, traceEventSchema.safeParse(doc).success, `for ${JSON.stringify(doc)}`);
      if (!kept) dropped++;
    }
    assert.ok(dropped > 0 && dropped < docs.length);
  });
});

describe("runResultFromJSON errors", () => {
  it("names the first problem in the schema's key order, not the file's", () => {
    const doc = { concurrency: -1, tasks: [{ inputs: [], task_id: 7 }], label: 3 };
    assert.throws(
      () => runResultFromJSON(doc, { source: "r.json" }),
      (error: unknown) =>
        RunFileError.isInstance(error) &&
        error.field === "label" &&
        error.message === "r.json: label: expected a string or null, got 3 (number)",
    );
    const { label: _, ...rest } = doc;
    assert.throws(
      () => runResultFromJSON(rest),
      (error: unknown) =>
        RunFileError.isInstance(error) &&
        error.message === "concurrency: expected a number, got -1 (number)",
    );
  });

  it("rejects counts that are not safe integers and durations below zero", () => {
    const base = { task_id: "t", inputs: {} };
    const cases: [Record<string, unknown>, string][] = [
      [{ tokens: { input: 1.5, output: 0 } }, "tasks[0].tokens.input: expected an integer"],
      [{ tokens: { input: 2 ** 60, output: 0 } }, "tasks[0].tokens.input: expected an integer"],
      [{ tokens: { input: 1 } }, "tasks[0].tokens.output: expected a number"],
      [{ duration_ms: -0.5 }, "tasks[0].duration_ms: expected a number"],
      [{ attempts: [{ error: null }] }, "tasks[0].attempts[0].duration_ms: expected a number"],
    ];
    for (const [fields, message] of cases) {
      assert.throws(() => runResultFromJSON({ tasks: [{ ...base, ...fields }] }), {
        message: new RegExp(`^${message.replace(/[[\].]/g, "\\$&")}, got`),
      });
    }
  });
});
