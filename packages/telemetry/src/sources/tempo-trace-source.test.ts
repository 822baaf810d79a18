import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, describe, it } from "node:test";
import type { TraceRef } from "@ag2/eval-core";
import { TempoRequestError } from "./tempo-request-error.js";
import { TempoTraceSource } from "./tempo-trace-source.js";

import { collect } from "./trace-source.test-helper.js";

describe("TempoTraceSource", () => {
  const requests: { url: string; accept?: string; auth?: string }[] = [];
  const TRACE = "0af7651916cd43dd8448eb211c80319c";
  const server = createServer((request, response) => {
    requests.push({
      url: request.url ?? "",
      accept: request.headers.accept,
      auth: request.headers.authorization,
    });
    const url = new URL(request.url ?? "/", "http://x");
    response.setHeader("content-type", "application/json");
    if (url.pathname === "/tempo/api/search") {
      response.end(
        JSON.stringify({
          traces: [
            {
              traceID: TRACE,
              rootServiceName: "ag2-eval",
              rootTraceName: "invoke_agent w",
              spanSets: [
                {
                  spans: [
                    { attributes: [{ key: "ag2.eval.task_id", value: { stringValue: "t7" } }] },
                  ],
                },
              ],
            },
            { traceID: "" },
            { traceID: "ffffffffffffffffffffffffffffffff", rootServiceName: "other" },
          ],
        }),
      );
    } else if (url.pathname === `/tempo/api/traces/${TRACE}`) {
      response.end(
        JSON.stringify({
          batches: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: Buffer.from(TRACE, "hex").toString("base64"),
                      spanId: Buffer.from("b7ad6b7169203331", "hex").toString("base64"),
                      name: "chat",
                      kind: 3,
                      startTimeUnixNano: "1000000",
                      endTimeUnixNano: "4000000",
                      attributes: [
                        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                        { key: "gen_ai.usage.input_tokens", value: { intValue: "5" } },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      );
    } else {
      response.statusCode = 500;
      response.end(JSON.stringify({ error: "tempo is down" }));
    }
  });
  const ready = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tempo/`),
    ),
  );
  after(() => server.close());

  it("searches, then loads a trace with base64 ids", async () => {
    const source = new TempoTraceSource(await ready, {
      query: '{ span.ag2.eval.run_id = "r1" }',
      limit: 5,
      lookbackSeconds: 60,
      headers: { Authorization: "Bearer x" },
    });
    const refs = await collect(source);
    assert.deepEqual(refs, [
      {
        traceId: TRACE,
        taskId: "t7",
        metadata: { rootService: "ag2-eval", rootSpan: "invoke_agent w" },
      },
      {
        traceId: "ffffffffffffffffffffffffffffffff",
        taskId: null,
        metadata: { rootService: "other", rootSpan: undefined },
      },
    ]);
    const search = new URL(requests[0]?.url ?? "", "http://x");
    assert.equal(
      search.pathname,
      "/tempo/api/search",
      "a trailing slash on the base URL is dropped",
    );
    assert.equal(
      search.searchParams.get("q"),
      '{ span.ag2.eval.run_id = "r1" } | select(span.ag2.eval.task_id)',
      "the task id is selected: Tempo's search returns only selected attributes",
    );
    assert.equal(search.searchParams.get("limit"), "5");
    assert.equal(
      Number(search.searchParams.get("end")) - Number(search.searchParams.get("start")),
      60,
    );
    assert.equal(requests[0]?.accept, "application/json");
    assert.equal(requests[0]?.auth, "Bearer x");
    const trace = await source.load(refs[0] as TraceRef);
    assert.equal(trace.tokens.input, 5);
    assert.equal(trace.durationMs, 3);
  });

  it("keeps a query that selects already, and quotes an attribute name TraceQL cannot take bare", async () => {
    const base = await ready;
    const sent = async (options: ConstructorParameters<typeof TempoTraceSource>[1]) => {
      requests.length = 0;
      await collect(new TempoTraceSource(base, options));
      return new URL(requests[0]?.url ?? "", "http://x").searchParams.get("q");
    };
    assert.equal(await sent({ query: "{} | select(span.other)" }), "{} | select(span.other)");
    assert.equal(await sent({ taskIdAttribute: "task id" }), '{} | select(span."task id")');
    assert.equal(await sent({}), "{} | select(span.ag2.eval.task_id)");
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
