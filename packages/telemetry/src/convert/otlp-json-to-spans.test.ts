import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { otlpJsonToSpans } from "./otlp-json-to-spans.js";
import { spansToTrace } from "./spans-to-trace.js";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const ROOT = "b7ad6b7169203331";
const CHILD = "00f067aa0ba902b7";
const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");

function spanJson(id: string, parent: string, extra: Record<string, unknown> = {}) {
  return {
    traceId: TRACE,
    spanId: id,
    parentSpanId: parent,
    name: `span ${id}`,
    kind: 3,
    startTimeUnixNano: "1795682347229000000",
    endTimeUnixNano: "1795682347329000001",
    ...extra,
  };
}

describe("otlpJsonToSpans", () => {
  it("reads the collector's resourceSpans/scopeSpans shape with string int64s", () => {
    const spans = otlpJsonToSpans({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "ag2-eval" } }] },
          scopeSpans: [
            {
              scope: { name: "ag2-eval" },
              spans: [
                spanJson(ROOT, "", {
                  kind: 1,
                  status: { code: 2, message: "boom" },
                  attributes: [{ key: "ag2.span.type", value: { stringValue: "agent" } }],
                  events: [
                    {
                      name: "exception",
                      attributes: [{ key: "exception.type", value: { stringValue: "KeyError" } }],
                    },
                  ],
                }),
                spanJson(CHILD, ROOT, {
                  status: { code: "STATUS_CODE_OK" },
                  attributes: [
                    { key: "gen_ai.usage.input_tokens", value: { intValue: "12" } },
                    { key: "gen_ai.request.temperature", value: { doubleValue: 0.5 } },
                    { key: "gen_ai.request.stream", value: { boolValue: true } },
                    {
                      key: "gen_ai.response.finish_reasons",
                      value: { arrayValue: { values: [{ stringValue: "stop" }] } },
                    },
                    {
                      key: "meta",
                      value: { kvlistValue: { values: [{ key: "a", value: { intValue: 1 } }] } },
                    },
                  ],
                }),
              ],
            },
          ],
        },
      ],
    });
    assert.equal(spans.length, 2);
    const [root, child] = spans;
    assert.deepEqual(
      [root?.spanId, root?.parentId, root?.traceId, root?.kind, root?.status, root?.statusMessage],
      [ROOT, null, TRACE, "INTERNAL", "ERROR", "boom"],
    );
    assert.equal(root?.startNs, 1_795_682_347_229_000_000n, "exact nanoseconds");
    assert.equal(root?.endNs, 1_795_682_347_329_000_001n);
    assert.deepEqual(root?.resource, { "service.name": "ag2-eval" });
    assert.deepEqual([child?.parentId, child?.kind, child?.status], [ROOT, "CLIENT", "OK"]);
    assert.deepEqual(child?.attributes, {
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.request.temperature": 0.5,
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["stop"],
      meta: { a: 1 },
    });
    const trace = spansToTrace(spans, { onWarning: () => {} });
    assert.deepEqual(trace.exception, { type: "KeyError", message: "boom" });
    assert.equal(trace.durationMs, 100);
  });

  it("reads Tempo's batches with legacy instrumentationLibrarySpans, base64 ids and named enums", () => {
    const doc = {
      batches: [
        {
          instrumentationLibrarySpans: [
            {
              spans: [
                {
                  traceId: b64(TRACE),
                  spanId: b64(CHILD),
                  parentSpanId: b64(ROOT),
                  name: "chat",
                  kind: "SPAN_KIND_CLIENT",
                  startTimeUnixNano: 5,
                  status: { code: "STATUS_CODE_ERROR" },
                },
                {
                  traceId: b64(TRACE),
                  spanId: b64(ROOT),
                  name: "root",
                  kind: "SPAN_KIND_INTERNAL",
                  startTimeUnixNano: "1",
                  endTimeUnixNano: "9",
                  status: {},
                },
              ],
            },
          ],
        },
      ],
    };
    const [chat, root] = otlpJsonToSpans(doc);
    assert.deepEqual(
      [chat?.traceId, chat?.spanId, chat?.parentId, chat?.kind, chat?.status],
      [TRACE, CHILD, ROOT, "CLIENT", "ERROR"],
    );
    assert.equal(chat?.endNs, 5n, "a missing end falls back to the start");
    assert.deepEqual([root?.parentId, root?.status, root?.events], [null, "UNSET", []]);
    assert.deepEqual(
      otlpJsonToSpans({ trace: doc }),
      otlpJsonToSpans(doc),
      "Tempo v2 wraps the document in {trace}",
    );
  });

  it("returns no spans for documents without any", () => {
    assert.deepEqual(otlpJsonToSpans(null), []);
    assert.deepEqual(otlpJsonToSpans({}), []);
    assert.deepEqual(otlpJsonToSpans({ resourceSpans: [{ scopeSpans: [{}] }] }), []);
  });
});
