import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TraceRef } from "@ag2/eval-core";
import { OtlpFileTraceSource } from "./otlp-file-trace-source.js";
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
    const dir = await mkdtemp(join(tmpdir(), "ag2-otlp-"));
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
    const dir = await mkdtemp(join(tmpdir(), "ag2-otlp-"));
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
});
