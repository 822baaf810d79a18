import assert from "node:assert/strict";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { TempoRequestError } from "./tempo-request-error.js";
import { TempoTraceSource } from "./tempo-trace-source.js";

// A Tempo that never answers, or announces gigabytes and stalls, must not hang grading or
// fill memory: every request has a deadline and a body limit, and says which it hit.
describe("TempoTraceSource limits", () => {
  const held: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    if (path.endsWith("/silent")) {
      held.push(response); // never answers
    } else if (path.endsWith("/huge")) {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": "2000000000",
      });
      response.write("{");
      held.push(response); // announces 2 GB, sends one byte, stalls
    } else if (path.endsWith("/stream")) {
      response.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 64; i += 1) response.write(`${" ".repeat(1023)}\n`);
      held.push(response); // chunked, past any small limit, never ends
    } else if (path.endsWith("/stall")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"batches": [');
      held.push(response); // headers, a little body, then nothing
    } else {
      response.end("{}");
    }
  });
  let base = "";
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    for (const response of held) response.destroy();
    server.closeAllConnections();
    server.close();
  });
  const load = (source: TempoTraceSource, id: string, signal?: AbortSignal) =>
    source.load({ traceId: id, taskId: null, metadata: {} }, signal ? { signal } : {});

  it("a server that never answers fails at timeoutMs, naming the URL and the limit", async () => {
    const source = new TempoTraceSource(base, { timeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(load(source, "silent"), (error: unknown) => {
      assert.ok(TempoRequestError.isInstance(error));
      assert.match(error.message, /GET http:\/\/127\.0\.0\.1:\d+\/api\/traces\/silent/);
      assert.match(error.message, /no complete answer within 300 ms \(the timeoutMs option\)/);
      return true;
    });
    assert.ok(Date.now() - started < 5000);
  });

  it("headers, then a stalled body, fail at the same deadline", async () => {
    const source = new TempoTraceSource(base, { timeoutMs: 300 });
    await assert.rejects(load(source, "stall"), /within 300 ms/);
  });

  it("an announced body over maxBodyBytes is refused before it is read", async () => {
    const source = new TempoTraceSource(base, { maxBodyBytes: 1024, timeoutMs: 20_000 });
    const started = Date.now();
    await assert.rejects(load(source, "huge"), (error: unknown) => {
      assert.ok(TempoRequestError.isInstance(error));
      assert.match(error.message, /\/api\/traces\/huge: got a body larger than 1024 bytes/);
      assert.equal(error.status, 200);
      return true;
    });
    assert.ok(Date.now() - started < 10_000, "did not wait for the 2 GB or the deadline");
  });

  it("a streamed body is abandoned at the first chunk past maxBodyBytes", async () => {
    const source = new TempoTraceSource(base, { maxBodyBytes: 8192, timeoutMs: 20_000 });
    await assert.rejects(load(source, "stream"), /larger than 8192 bytes, the maxBodyBytes/);
  });

  it("the caller's own abort stays an abort, not a Tempo error", async () => {
    const source = new TempoTraceSource(base, { timeoutMs: 20_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by the run")), 100);
    await assert.rejects(load(source, "silent", controller.signal), (error: unknown) => {
      assert.ok(!TempoRequestError.isInstance(error));
      return true;
    });
  });

  it("defaults: 30 s and 64 MiB, stated in the options' docs", async () => {
    const source = new TempoTraceSource(base);
    // a small, fast answer goes through with the defaults
    await assert.doesNotReject(source.load({ traceId: "ok", taskId: null, metadata: {} }));
  });
});
