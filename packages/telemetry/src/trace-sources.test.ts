import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { TraceRef, TraceSource } from "@ag2/eval-core";
import { DirectoryTraceSource } from "./directory-trace-source.js";
import { OtlpFileTraceSource } from "./otlp-file-trace-source.js";
import { saveTrace } from "./save-trace.js";
import type { SpanData } from "./span-data.js";
import { TempoRequestError } from "./tempo-request-error.js";
import { TempoTraceSource } from "./tempo-trace-source.js";
import { TraceFileError } from "./trace-file-error.js";
import { InvalidTraceIdError } from "./trace-file-name.js";

const T0 = 1_795_682_347_229_000_123n;

function weatherSpans(taskId: string): SpanData[] {
  return [
    { name: "invoke_agent w", spanId: "aaaaaaaaaaaaaaaa", parentId: null, startNs: T0, endNs: T0 + 42_000_000n, attributes: { "ag2.span.type": "agent", "ag2.eval.task_id": taskId }, status: "UNSET", events: [] },
    { name: "execute_tool get_weather", spanId: "bbbbbbbbbbbbbbbb", parentId: "aaaaaaaaaaaaaaaa", startNs: T0 + 1n, endNs: T0 + 2n, attributes: { "ag2.span.type": "tool", "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.id": "c1", "gen_ai.tool.call.arguments": '{"city":"Tokyo"}' }, status: "ERROR", statusMessage: "down", events: [{ name: "exception", attributes: { "exception.type": "ConnectionError", "exception.message": "down" } }] },
    { name: "chat m", spanId: "cccccccccccccccc", parentId: "aaaaaaaaaaaaaaaa", startNs: T0 + 3n, endNs: T0 + 4n, attributes: { "ag2.span.type": "llm", "gen_ai.usage.input_tokens": 9, "gen_ai.response.finish_reasons": ["stop"], "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "sorry" }] }]) }, status: "OK", events: [] },
  ];
}

async function collect(source: TraceSource): Promise<TraceRef[]> {
  const refs: TraceRef[] = [];
  for await (const ref of source.list()) refs.push(ref);
  return refs;
}

describe("DirectoryTraceSource and saveTrace", () => {
  it("round-trips spans exactly, in file-name order", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "ag2-traces-")), "nested");
    const path = await saveTrace(dir, "t-b", weatherSpans("task-b"), { taskId: "task-b", metadata: { attempt: 2 } });
    await saveTrace(dir, "t-a", weatherSpans("task-a"), { taskId: "task-a" });
    const doc = JSON.parse(await readFile(path, "utf8"));
    assert.deepEqual(Object.keys(doc), ["trace_id", "task_id", "metadata", "spans"]);
    assert.equal(typeof doc.spans[0].start_ns, "number", "times are JSON integers, as the reference writes them");
    assert.match(await readFile(path, "utf8"), /"start_ns": 1795682347229000123/);
    const source = new DirectoryTraceSource(dir);
    const refs = await collect(source);
    assert.deepEqual(refs, [{ traceId: "t-a", taskId: "task-a", metadata: {} }, { traceId: "t-b", taskId: "task-b", metadata: { attempt: 2 } }]);
    const trace = await source.load(refs[1] as TraceRef);
    assert.deepEqual(trace.events.map((e) => e.type), ["ToolCallEvent", "ToolErrorEvent", "ModelResponse"]);
    assert.equal(trace.durationMs, 42);
    assert.equal(trace.eventsOf("ToolErrorEvent")[0]?.error.type, "ConnectionError");
    assert.equal(trace.eventsOf("ModelResponse")[0]?.content, "sorry");
  });

  it("refuses trace ids that would leave the folder and names broken files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ag2-traces-"));
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

function otlpLine(traceId: string, spans: { id: string; parent?: string; taskId?: string; name: string; attrs?: Record<string, string> }[]): string {
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: spans.map((s) => ({
    traceId, spanId: s.id, parentSpanId: s.parent ?? "", name: s.name, kind: 1, startTimeUnixNano: "1000000", endTimeUnixNano: "6000000",
    attributes: Object.entries({ ...s.attrs, ...(s.taskId ? { "ag2.eval.task_id": s.taskId, "ag2.eval.run_id": "r1" } : {}) }).map(([key, v]) => ({ key, value: { stringValue: v } })),
  })) }] }] });
}

describe("OtlpFileTraceSource", () => {
  it("splits a file of many traces by task id, then by trace id", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ag2-otlp-"));
    const file = join(dir, "spans.jsonl");
    const A = "a".repeat(32);
    const A2 = "d".repeat(32);
    const B = "b".repeat(32);
    const C = "c".repeat(32);
    await writeFile(file, [
      otlpLine(A, [{ id: "1000000000000001", name: "invoke_agent", taskId: "t1", attrs: { "ag2.span.type": "agent" } }]),
      otlpLine(B, [{ id: "2000000000000001", name: "invoke_agent", taskId: "t2", attrs: { "ag2.span.type": "agent" } }, { id: "2000000000000002", parent: "2000000000000001", name: "chat", attrs: { "ag2.span.type": "llm" } }]),
      "",
      // A framework that started its own trace for task t1: it joins t1 through the attribute.
      otlpLine(A2, [{ id: "1000000000000002", name: "execute_tool x", taskId: "t1", attrs: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "x" } }]),
      otlpLine(C, [{ id: "3000000000000001", name: "ai.generateText", attrs: { "ai.operationId": "ai.generateText" } }, { id: "3000000000000002", parent: "3000000000000001", name: "ai.generateText.doGenerate", attrs: { "ai.operationId": "ai.generateText.doGenerate", "ai.response.text": "hi" } }]),
    ].join("\n"));
    const source = new OtlpFileTraceSource(file);
    const refs = await collect(source);
    assert.deepEqual(refs.map((r) => [r.traceId, r.taskId]), [[A, "t1"], [B, "t2"], [C, null]]);
    const t1 = await source.load(refs[0] as TraceRef);
    assert.deepEqual(t1.events.map((e) => e.type), ["ToolCallEvent", "ToolResultEvent"]);
    assert.deepEqual((await source.load(refs[1] as TraceRef)).events.map((e) => e.type), ["ModelResponse"]);
    assert.equal((await source.load(refs[2] as TraceRef)).eventsOf("ModelResponse")[0]?.content, "hi");
    await assert.rejects(source.load({ traceId: "nope" }), TraceFileError);
  });

  it("fails on a line that is not JSON, naming the file and line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ag2-otlp-"));
    const file = join(dir, "spans.jsonl");
    await writeFile(file, `${otlpLine("a".repeat(32), [{ id: "1000000000000001", name: "x" }])}\n{"resourceSpans": [\n`);
    await assert.rejects(collect(new OtlpFileTraceSource(file)), (error: unknown) => {
      assert.ok(TraceFileError.isInstance(error));
      assert.equal(error.line, 2);
      assert.match(error.message, /spans\.jsonl:2: got a line that is not JSON/);
      return true;
    });
  });
});

describe("TempoTraceSource", () => {
  const requests: { url: string; accept?: string; auth?: string }[] = [];
  const TRACE = "0af7651916cd43dd8448eb211c80319c";
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? "", accept: request.headers.accept, auth: request.headers.authorization });
    const url = new URL(request.url ?? "/", "http://x");
    response.setHeader("content-type", "application/json");
    if (url.pathname === "/tempo/api/search") {
      response.end(JSON.stringify({ traces: [
        { traceID: TRACE, rootServiceName: "ag2-eval", rootTraceName: "invoke_agent w", spanSets: [{ spans: [{ attributes: [{ key: "ag2.eval.task_id", value: { stringValue: "t7" } }] }] }] },
        { traceID: "" },
        { traceID: "ffffffffffffffffffffffffffffffff", rootServiceName: "other" },
      ] }));
    } else if (url.pathname === `/tempo/api/traces/${TRACE}`) {
      response.end(JSON.stringify({ batches: [{ scopeSpans: [{ spans: [
        { traceId: Buffer.from(TRACE, "hex").toString("base64"), spanId: Buffer.from("b7ad6b7169203331", "hex").toString("base64"), name: "chat", kind: 3, startTimeUnixNano: "1000000", endTimeUnixNano: "4000000",
          attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }, { key: "gen_ai.usage.input_tokens", value: { intValue: "5" } }] },
      ] }] }] }));
    } else {
      response.statusCode = 500;
      response.end(JSON.stringify({ error: "tempo is down" }));
    }
  });
  const ready = new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tempo/`)));
  after(() => server.close());

  it("searches, then loads a trace with base64 ids", async () => {
    const source = new TempoTraceSource(await ready, { query: '{ span.ag2.eval.run_id = "r1" }', limit: 5, lookbackSeconds: 60, headers: { Authorization: "Bearer x" } });
    const refs = await collect(source);
    assert.deepEqual(refs, [
      { traceId: TRACE, taskId: "t7", metadata: { rootService: "ag2-eval", rootSpan: "invoke_agent w" } },
      { traceId: "ffffffffffffffffffffffffffffffff", taskId: null, metadata: { rootService: "other", rootSpan: undefined } },
    ]);
    const search = new URL(requests[0]?.url ?? "", "http://x");
    assert.equal(search.pathname, "/tempo/api/search", "a trailing slash on the base URL is dropped");
    assert.equal(search.searchParams.get("q"), '{ span.ag2.eval.run_id = "r1" }');
    assert.equal(search.searchParams.get("limit"), "5");
    assert.equal(Number(search.searchParams.get("end")) - Number(search.searchParams.get("start")), 60);
    assert.equal(requests[0]?.accept, "application/json");
    assert.equal(requests[0]?.auth, "Bearer x");
    const trace = await source.load(refs[0] as TraceRef);
    assert.equal(trace.tokens.input, 5);
    assert.equal(trace.durationMs, 3);
  });

  it("turns a non-2xx answer into an error naming the URL and status", async () => {
    const base = await ready;
    const source = new TempoTraceSource(base);
    await assert.rejects(source.load({ traceId: "missing" }), (error: unknown) => {
      assert.ok(TempoRequestError.isInstance(error));
      assert.equal(error.status, 500);
      assert.equal(error.url, `${base.replace(/\/$/, "")}/api/traces/missing`);
      assert.match(error.message, /got HTTP 500 \(.*tempo is down.*\), expected 2xx/);
      return true;
    });
  });
});
