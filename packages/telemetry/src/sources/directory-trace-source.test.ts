import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TraceRef } from "@ag2/eval-core";
import type { SpanData } from "../spans/span-data.js";
import { DirectoryTraceSource } from "./directory-trace-source.js";
import { saveTrace } from "./save-trace.js";
import { tempDir } from "./temp-dir.test-helper.js";
import { TraceFileError } from "./trace-file-error.js";
import { InvalidTraceIdError } from "./trace-file-name.js";

import { collect } from "./trace-source.test-helper.js";

const T0 = 1_795_682_347_229_000_123n;

function weatherSpans(taskId: string): SpanData[] {
  return [
    {
      name: "invoke_agent w",
      spanId: "aaaaaaaaaaaaaaaa",
      parentId: null,
      startNs: T0,
      endNs: T0 + 42_000_000n,
      attributes: { "ag2.span.type": "agent", "ag2.eval.task_id": taskId },
      status: "UNSET",
      events: [],
    },
    {
      name: "execute_tool get_weather",
      spanId: "bbbbbbbbbbbbbbbb",
      parentId: "aaaaaaaaaaaaaaaa",
      startNs: T0 + 1n,
      endNs: T0 + 2n,
      attributes: {
        "ag2.span.type": "tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.call.id": "c1",
        "gen_ai.tool.call.arguments": '{"city":"Tokyo"}',
      },
      status: "ERROR",
      statusMessage: "down",
      events: [
        {
          name: "exception",
          attributes: { "exception.type": "ConnectionError", "exception.message": "down" },
        },
      ],
    },
    {
      name: "chat m",
      spanId: "cccccccccccccccc",
      parentId: "aaaaaaaaaaaaaaaa",
      startNs: T0 + 3n,
      endNs: T0 + 4n,
      attributes: {
        "ag2.span.type": "llm",
        "gen_ai.usage.input_tokens": 9,
        "gen_ai.response.finish_reasons": ["stop"],
        "gen_ai.output.messages": JSON.stringify([
          { role: "assistant", parts: [{ type: "text", content: "sorry" }] },
        ]),
      },
      status: "OK",
      events: [],
    },
  ];
}

describe("DirectoryTraceSource and saveTrace", () => {
  it("round-trips spans exactly, in file-name order", async () => {
    const dir = join(await tempDir("ag2-traces-"), "nested");
    const path = await saveTrace(dir, "t-b", weatherSpans("task-b"), {
      taskId: "task-b",
      metadata: { attempt: 2 },
    });
    await saveTrace(dir, "t-a", weatherSpans("task-a"), { taskId: "task-a" });
    const doc = JSON.parse(await readFile(path, "utf8"));
    assert.deepEqual(Object.keys(doc), ["trace_id", "task_id", "metadata", "spans"]);
    assert.equal(
      typeof doc.spans[0].start_ns,
      "number",
      "times are JSON integers, as AG2 Python writes them",
    );
    assert.match(await readFile(path, "utf8"), /"start_ns": 1795682347229000123/);
    const source = new DirectoryTraceSource(dir);
    const refs = await collect(source);
    assert.deepEqual(refs, [
      { traceId: "t-a", taskId: "task-a", metadata: {} },
      { traceId: "t-b", taskId: "task-b", metadata: { attempt: 2 } },
    ]);
    const trace = await source.load(refs[1] as TraceRef);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ToolCallEvent", "ToolErrorEvent", "ModelResponse"],
    );
    assert.equal(trace.durationMs, 42);
    assert.equal(trace.eventsOf("ToolErrorEvent")[0]?.error.type, "ConnectionError");
    assert.equal(trace.eventsOf("ModelResponse")[0]?.content, "sorry");
  });

  it("refuses trace ids that would leave the folder and names broken files", async () => {
    const dir = await tempDir("ag2-traces-");
    await assert.rejects(saveTrace(dir, "../escape", []), InvalidTraceIdError);
    await writeFile(join(dir, "broken.json"), "{ not json");
    await assert.rejects(collect(new DirectoryTraceSource(dir)), (error: unknown) => {
      assert.ok(TraceFileError.isInstance(error));
      assert.equal(error.path, join(dir, "broken.json"));
      assert.match(error.message, /broken\.json: got invalid JSON/);
      return true;
    });
  });
});
