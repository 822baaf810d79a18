import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRunFile } from "../run-result/parse-run-file.js";
import { RunResult } from "../run-result/run-result.js";
import { makeRunResult, makeTaskResult } from "../testing/make-results.js";
import { toIsoUtc } from "../util/iso-utc.js";
import { taskResultFromJSON } from "./read-run-file.js";
import { RunFileError } from "./run-file-error.js";
import { runResultToJsonText, taskResultToJSON } from "./write-run-file.js";

const rich = makeRunResult({
  runId: "r1",
  label: "nightly",
  target: "weather-agent",
  concurrency: 3,
  durationMs: 321,
  suiteName: "cities",
  suiteSource: "evals/cities.jsonl",
  tasks: [
    makeTaskResult({
      taskId: "sp",
      inputs: { input: "Weather in S\u00e3o Paulo? \u{1F600}" },
      referenceOutputs: { answer: "sunny" },
      tags: ["br"],
      metadata: { difficulty: 2 },
      feedback: [
        { key: "ok", score: true, comment: "fine", detail: { matched: ["sunny"] } },
        { key: "quality", score: 0.5, value: "good" },
      ],
      events: [
        {
          type: "ModelResponse",
          content: null,
          toolCalls: [{ id: "c1", name: "weather", arguments: "{}" }],
          usage: { inputTokens: 10, outputTokens: 4, cacheReadInputTokens: 2 },
        },
        { type: "ToolCallEvent", id: "c1", name: "weather", arguments: "{}" },
        {
          type: "ToolErrorEvent",
          parentId: "c1",
          name: "weather",
          error: { type: "HttpError", message: "503" },
        },
        { type: "HumanInputRequest", prompt: "retry?" },
        { type: "HumanMessage", content: "yes" },
        { type: "ModelResponse", content: "sunny", usage: { inputTokens: 20, outputTokens: 6 } },
      ],
      durationMs: 55,
      traceRef: { traceId: "t-1", taskId: "sp", metadata: { from: "tempo" } },
    }),
    makeTaskResult({
      taskId: "oslo",
      feedback: [{ key: "ok", score: null, comment: "scorer raised: TypeError: x" }],
      exception: { type: "TimeoutError", message: "took too long" },
      budgetViolations: [{ limit: "maxSecondsPerTask", threshold: 1, actual: 2.5 }],
      tokens: { input: 3, output: 1, cacheCreation: 0, cacheRead: 0, total: 4 },
    }),
  ],
});

describe("RunResult.toJSON (schema 0.1)", () => {
  it("writes exactly the reference's keys, in order, snake_case", () => {
    const json = rich.toJSON();
    assert.deepEqual(Object.keys(json), [
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
    ]);
    assert.deepEqual(Object.keys(json.suite), ["name", "size", "source"]);
    const taskKeys = [
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
    assert.deepEqual(Object.keys(json.tasks[0] ?? {}), taskKeys);
    assert.deepEqual(Object.keys(json.tasks[1] ?? {}), [...taskKeys, "budget_violations"]);
    assert.deepEqual(json.tasks[0]?.tokens, {
      input: 30,
      output: 10,
      cache_creation: 0,
      cache_read: 2,
    });
    assert.deepEqual(json.tasks[0]?.feedback[1], {
      key: "quality",
      score: 0.5,
      value: "good",
      comment: null,
      detail: null,
    });
    assert.deepEqual(json.tasks[0]?.trace_ref, {
      trace_id: "t-1",
      task_id: "sp",
      metadata: { from: "tempo" },
    });
    assert.deepEqual(json.tasks[1]?.exception, { type: "TimeoutError", message: "took too long" });
    assert.deepEqual(
      json.tasks[0]?.events.map((event) => event.type),
      [
        "ModelResponse",
        "ToolCallEvent",
        "ToolErrorEvent",
        "HumanInputRequest",
        "HumanMessage",
        "ModelResponse",
      ],
    );
    assert.deepEqual(json.aggregates, {
      pass_rate: { ok: 1 },
      score_stats: { quality: { mean: 0.5, p50: 0.5, p95: 0.5, n: 1 } },
      value_counts: { quality: { good: 1 } },
      tokens: { input: 33, output: 11, total: 44 },
      errors: 1,
      budget_violations: 1,
    });
  });

  it("writes ASCII text with \\u escapes like Python's ensure_ascii, 2-space indent", () => {
    const text = runResultToJsonText(rich);
    assert.ok(
      [...text].every((char) => char.charCodeAt(0) < 0x80),
      "only ASCII characters",
    );
    assert.ok(text.includes('"input": "Weather in S\\u00e3o Paulo? \\ud83d\\ude00"'));
    assert.ok(text.startsWith('{\n  "schema_version": "0.1",\n  "run_id": "r1",'));
    assert.deepEqual(JSON.parse(text), rich.toJSON());
  });
});

describe("RunResult.fromJSON", () => {
  it("round-trips a run it wrote, field for field", () => {
    const original = JSON.parse(runResultToJsonText(rich));
    const loaded = RunResult.fromJSON(original, { source: "r1.json" });
    assert.deepEqual(loaded.toJSON(), original);
    assert.equal(loaded.tasks[1]?.trace.exception?.type, "TimeoutError");
    assert.deepEqual(loaded.tasks[1]?.budgetViolations, [
      { limit: "maxSecondsPerTask", threshold: 1, actual: 2.5 },
    ]);
    assert.equal(loaded.tasks[0]?.trace.eventsOf("ToolResultEvent").length, 1);
    assert.equal(loaded.passRate("ok"), 1);
  });

  it("reads a run written by the Python framework: foreign events dropped, stored tokens kept, defaults filled", () => {
    const python = {
      schema_version: "0.1",
      run_id: "py-1",
      label: null,
      created_at: "2026-11-26T10:30:00.123456+00:00",
      duration_ms: 10,
      suite: { name: "s", size: 1, source: "s.jsonl" },
      target: "my_agent",
      concurrency: 2,
      tasks: [
        {
          task_id: "t1",
          inputs: { input: "hi" },
          reference_outputs: null,
          tags: [],
          metadata: {},
          duration_ms: 7,
          events: [{ type: "ModelResponse", message: { content: "hi" }, created_at: 1764150000.5 }],
          exception: { type: "ValueError", message: "bad" },
          tokens: { input: 5, output: 2, cache_creation: 1, cache_read: 0 },
          feedback: [{ key: "ok", score: true, value: null, comment: null, detail: { a: 1 } }],
          budget_violation: false,
          trace_ref: { trace_id: "abc", task_id: "t1", metadata: {} },
        },
      ],
      aggregates: { pass_rate: { ok: 1.0 } },
    };
    const run = RunResult.fromJSON(python);
    const [t1] = run.tasks;
    assert.deepEqual(t1?.trace.events, []);
    assert.deepEqual(t1?.trace.tokens, {
      input: 5,
      output: 2,
      cacheCreation: 1,
      cacheRead: 0,
      total: 7,
    });
    assert.deepEqual(t1?.trace.exception, { type: "ValueError", message: "bad" });
    assert.deepEqual(t1?.feedback[0]?.detail, { a: 1 });
    assert.equal(run.createdAt, "2026-11-26T10:30:00.123456+00:00");

    const minimal = RunResult.fromJSON(
      { tasks: [{ task_id: "x", inputs: {} }] },
      { source: "old.json" },
    );
    assert.equal(minimal.runId, "");
    assert.equal(minimal.target, "");
    assert.equal(minimal.concurrency, 1);
    assert.equal(minimal.durationMs, 0);
    assert.equal(minimal.createdAt, "");
    assert.equal(minimal.label, null);
    assert.deepEqual(minimal.suite, { name: "loaded", source: "old.json", size: 1 });
    assert.equal(minimal.tasks[0]?.budgetViolation, false);
    assert.equal(minimal.tasks[0]?.traceRef, null);
  });

  it("names the field path, what was expected and what was found", () => {
    const json = JSON.parse(runResultToJsonText(rich));
    json.tasks[1].feedback[0].score = "yes";
    assert.throws(
      () => RunResult.fromJSON(json, { source: "runs/r1.json" }),
      (error: unknown) => {
        assert.ok(RunFileError.isInstance(error));
        assert.equal(error.field, "tasks[1].feedback[0].score");
        assert.equal(
          error.message,
          'runs/r1.json: tasks[1].feedback[0].score: expected a boolean, a number or null, got "yes" (string)',
        );
        return true;
      },
    );
    delete json.tasks;
    assert.throws(() => RunResult.fromJSON(json), {
      message: "tasks: expected an array of tasks, got nothing (the field is missing)",
    });
    assert.throws(() => RunResult.fromJSON([1]), {
      message: "expected a run file (a JSON object), got an array of 1",
    });
    assert.throws(() => RunResult.fromJSON({ tasks: [{ task_id: 3, inputs: {} }] }), {
      message: "tasks[0].task_id: expected a string, got 3 (number)",
    });
  });

  it("refuses a newer schema version", () => {
    assert.throws(
      () => RunResult.fromJSON({ schema_version: "0.2", tasks: [] }, { source: "new.json" }),
      (error: unknown) => {
        assert.ok(RunFileError.isInstance(error));
        assert.equal(error.field, "schema_version");
        assert.match(
          error.message,
          /^new\.json: schema_version: expected "0\.1", got "0\.2" \(string\); this release reads run files of schema 0\.1 only/,
        );
        return true;
      },
    );
  });

  it("reports truncated text as a RunFileError", () => {
    const text = runResultToJsonText(rich);
    assert.throws(
      () => parseRunFile(text.slice(0, 200), { source: "cut.json" }),
      (error: unknown) =>
        RunFileError.isInstance(error) &&
        /^cut\.json: expected a complete JSON document, got invalid JSON/.test(error.message),
    );
    assert.equal(parseRunFile(text).runId, "r1");
  });
});

describe("taskResultToJSON / taskResultFromJSON", () => {
  it("round-trip one task, for journals", () => {
    for (const task of rich.tasks) {
      const json = JSON.parse(JSON.stringify(taskResultToJSON(task)));
      assert.deepEqual(taskResultToJSON(taskResultFromJSON(json)), json);
    }
    assert.throws(() => taskResultFromJSON({ task_id: "x" }, { source: "journal line 3" }), {
      message: "journal line 3: inputs: expected an object, got nothing (the field is missing)",
    });
  });
});

describe("toIsoUtc", () => {
  it("writes Python's isoformat of an aware UTC time", () => {
    assert.equal(
      toIsoUtc(new Date("2026-11-26T10:30:00.123Z")),
      "2026-11-26T10:30:00.123000+00:00",
    );
    assert.equal(toIsoUtc(new Date(0)), "1970-01-01T00:00:00.000000+00:00");
  });
});
