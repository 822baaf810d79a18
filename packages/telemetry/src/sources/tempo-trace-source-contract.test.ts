import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after } from "node:test";
import { describeTraceSourceContract } from "@ag2/eval-core/testing";
import { spansToOtlpJson } from "../convert/spans-to-otlp-json.test-helper.js";
import { traceToSpans } from "../convert/trace-to-spans.js";
import type { SpanData } from "../spans/span-data.js";
import { TempoTraceSource } from "./tempo-trace-source.js";

// Tempo writes ids as protobuf bytes, so its v1 trace-by-id answer carries them in base64.
const base64 = (hex: unknown) =>
  typeof hex === "string" && hex !== "" ? Buffer.from(hex, "hex").toString("base64") : hex;

/** The fixture's spans as Tempo's `GET /api/traces/<id>` answers them: `{ batches }`, base64 ids. */
function tempoTraceBody(spans: readonly SpanData[]): string {
  const { resourceSpans } = JSON.parse(spansToOtlpJson(spans)) as {
    resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
  };
  for (const resource of resourceSpans) {
    for (const scope of resource.scopeSpans) {
      for (const span of scope.spans) {
        span.traceId = base64(span.traceId);
        span.spanId = base64(span.spanId);
        span.parentSpanId = base64(span.parentSpanId);
      }
    }
  }
  return JSON.stringify({ batches: resourceSpans });
}

// Tempo's search writes trace ids without their leading zeros and its
// trace-by-id accepts either form; the fake does both, so a source must restore the 32 digits.
const trimZeros = (traceId: string) => traceId.replace(/^0+(?=.)/, "");
const fullId = (traceId: string) => traceId.toLowerCase().padStart(32, "0");

const servers: Server[] = [];
after(() => {
  for (const server of servers) server.close();
});

describeTraceSourceContract("TempoTraceSource", async (fixtures) => {
  const stored = fixtures.map(({ traceId, taskId, trace }) => {
    const spans = traceToSpans(trace, { traceId, taskId, runId: "contract" });
    const root = spans.find((span) => !span.parentId);
    return { traceId, taskId, rootName: root?.name ?? "", body: tempoTraceBody(spans) };
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://tempo");
    const byId = /^\/api\/traces\/([0-9a-fA-F]+)$/.exec(url.pathname);
    if (url.pathname === "/api/search") {
      const traces = stored.map((t) => ({
        traceID: trimZeros(t.traceId),
        rootServiceName: "ag2-eval",
        rootTraceName: t.rootName,
        spanSets: [
          {
            spans: [
              { attributes: [{ key: "ag2.eval.task_id", value: { stringValue: t.taskId } }] },
            ],
            matched: 1,
          },
        ],
      }));
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ traces }));
      return;
    }
    const found = byId ? stored.find((t) => t.traceId === fullId(byId[1] ?? "")) : undefined;
    if (found) {
      response.setHeader("content-type", "application/json");
      response.end(found.body);
      return;
    }
    response.statusCode = 404;
    response.end("trace not found");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new TempoTraceSource(`http://127.0.0.1:${port}`);
});
