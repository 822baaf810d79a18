import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TraceRef } from "@ag2/eval-core";
import { OtlpFileTraceSource } from "./otlp-file-trace-source.js";
import { tempDir } from "./temp-dir.test-helper.js";
import { TraceFileError } from "./trace-file-error.js";

import { collect } from "./trace-source.test-helper.js";

function otlpLine(
  traceId: string,
  spans: {
    id: string;
    parent?: string;
    taskId?: string;
    name: string;
    attrs?: Record<string, string>;
  }[],
): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          {
            spans: spans.map((s) => ({
              traceId,
              spanId: s.id,
              parentSpanId: s.parent ?? "",
              name: s.name,
              kind: 1,
              startTimeUnixNano: "1000000",
              endTimeUnixNano: "6000000",
              attributes: Object.entries({
                ...s.attrs,
                ...(s.taskId ? { "ag2.eval.task_id": s.taskId, "ag2.eval.run_id": "r1" } : {}),
              }).map(([key, v]) => ({ key, value: { stringValue: v } })),
            })),
          },
        ],
      },
    ],
  });
}

describe("OtlpFileTraceSource", () => {
  it("splits a file of many traces by task id, then by trace id", async () => {
    const dir = await tempDir("ag2-otlp-");
    const file = join(dir, "spans.jsonl");
    const A = "a".repeat(32);
    const A2 = "d".repeat(32);
    const B = "b".repeat(32);
    const C = "c".repeat(32);
    await writeFile(
      file,
      [
        otlpLine(A, [
          {
            id: "1000000000000001",
            name: "invoke_agent",
            taskId: "t1",
            attrs: { "ag2.span.type": "agent" },
          },
        ]),
        otlpLine(B, [
          {
            id: "2000000000000001",
            name: "invoke_agent",
            taskId: "t2",
            attrs: { "ag2.span.type": "agent" },
          },
          {
            id: "2000000000000002",
            parent: "2000000000000001",
            name: "chat",
            attrs: { "ag2.span.type": "llm" },
          },
        ]),
        "",
        // A framework that started its own trace for task t1: it joins t1 through the attribute.
        otlpLine(A2, [
          {
            id: "1000000000000002",
            name: "execute_tool x",
            taskId: "t1",
            attrs: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "x" },
          },
        ]),
        otlpLine(C, [
          {
            id: "3000000000000001",
            name: "ai.generateText",
            attrs: { "ai.operationId": "ai.generateText" },
          },
          {
            id: "3000000000000002",
            parent: "3000000000000001",
            name: "ai.generateText.doGenerate",
            attrs: { "ai.operationId": "ai.generateText.doGenerate", "ai.response.text": "hi" },
          },
        ]),
      ].join("\n"),
    );
    const source = new OtlpFileTraceSource(file);
    const refs = await collect(source);
    assert.deepEqual(
      refs.map((r) => [r.traceId, r.taskId]),
      [
        [A, "t1"],
        [B, "t2"],
        [C, null],
      ],
    );
    const t1 = await source.load(refs[0] as TraceRef);
    assert.deepEqual(
      t1.events.map((e) => e.type),
      ["ToolCallEvent", "ToolResultEvent"],
    );
    assert.deepEqual(
      (await source.load(refs[1] as TraceRef)).events.map((e) => e.type),
      ["ModelResponse"],
    );
    assert.equal(
      (await source.load(refs[2] as TraceRef)).eventsOf("ModelResponse")[0]?.content,
      "hi",
    );
    await assert.rejects(source.load({ traceId: "nope" }), TraceFileError);
  });

  it("fails on a line that is not JSON, naming the file and line", async () => {
    const dir = await tempDir("ag2-otlp-");
    const file = join(dir, "spans.jsonl");
    await writeFile(
      file,
      `${otlpLine("a".repeat(32), [{ id: "1000000000000001", name: "x" }])}\n{"resourceSpans": [\n`,
    );
    await assert.rejects(collect(new OtlpFileTraceSource(file)), (error: unknown) => {
      assert.ok(TraceFileError.isInstance(error));
      assert.equal(error.line, 2);
      assert.match(error.message, /spans\.jsonl:2: got a line that is not JSON/);
      return true;
    });
  });

  it("refuses a JSON line that is not an OTLP document, naming the file, the line and what it holds", async () => {
    const dir = await tempDir("ag2-otlp-");
    const file = join(dir, "spans.jsonl");
    const good = otlpLine("a".repeat(32), [{ id: "1000000000000001", name: "x" }]);
    await writeFile(file, `${good}\n\n{"level":"info","msg":"started"}\n${good}\n`);
    await assert.rejects(collect(new OtlpFileTraceSource(file)), (error: unknown) => {
      assert.ok(TraceFileError.isInstance(error));
      assert.equal(error.path, file);
      assert.equal(error.line, 3);
      assert.match(
        error.message,
        /spans\.jsonl:3: got an object with keys "level", "msg", expected an OTLP JSON traces document/,
      );
      return true;
    });
    await writeFile(file, `${good}\n[1, 2]\n`);
    await assert.rejects(
      collect(new OtlpFileTraceSource(file)),
      /spans\.jsonl:2: got an array, expected an OTLP/,
    );
    await writeFile(file, `{"resourceSpans": {"spans": []}}\n${good}\n`);
    await assert.rejects(
      collect(new OtlpFileTraceSource(file)),
      /spans\.jsonl:1: got "resourceSpans" that is not an array/,
    );
  });

  it("refuses a single document that is not OTLP, and a file without a single span", async () => {
    const dir = await tempDir("ag2-otlp-");
    const file = join(dir, "export.json");
    await writeFile(file, JSON.stringify({ data: [{ spans: [] }] }, null, 2));
    await assert.rejects(
      collect(new OtlpFileTraceSource(file)),
      /export\.json:1: got an object with keys "data", expected an OTLP JSON traces document/,
    );
    for (const text of ["", '{"resourceSpans":[]}\n{"batches":[{"scopeSpans":[]}]}\n']) {
      await writeFile(file, text);
      await assert.rejects(collect(new OtlpFileTraceSource(file)), (error: unknown) => {
        assert.ok(TraceFileError.isInstance(error));
        assert.equal(error.line, null);
        assert.match(
          error.message,
          /export\.json: got no spans in the file, expected at least one span/,
        );
        return true;
      });
    }
    // Tempo's v2 wrapper is OTLP too; empty documents beside real spans are fine.
    await writeFile(
      file,
      `{"resourceSpans":[]}\n${JSON.stringify({ trace: JSON.parse(otlpLine("b".repeat(32), [{ id: "1000000000000002", name: "y" }])) })}\n`,
    );
    const refs = await collect(new OtlpFileTraceSource(file));
    assert.deepEqual(
      refs.map((ref) => ref.traceId),
      ["b".repeat(32)],
    );
  });
});
