import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Trace } from "../trace/trace.js";
import type { TraceEvent, Usage } from "../trace/trace-events.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { type TraceFixture, traceFixtures } from "./trace-fixtures.js";

async function listAll(source: TraceSource): Promise<TraceRef[]> {
  const refs: TraceRef[] = [];
  for await (const ref of source.list()) refs.push(ref);
  return refs;
}

/** Usage without absent counts, so `{inputTokens: 1}` equals `{inputTokens: 1, x: undefined}`. */
function usageOf(usage: Usage | undefined): Record<string, number> | null {
  const present = Object.entries(usage ?? {}).filter(([, v]) => typeof v === "number");
  return present.length > 0 ? Object.fromEntries(present) : null;
}

/**
 * What every source must keep of an event. Left out on purpose: `createdAt` (span sources
 * keep milliseconds of a span start, not of each event), and provider and finish reason,
 * which not every storage format carries.
 */
function essentials(event: TraceEvent): Record<string, unknown> {
  switch (event.type) {
    case "ModelResponse":
      return {
        type: event.type,
        content: event.content,
        toolCalls: (event.toolCalls ?? []).map(({ id, name, arguments: args }) => ({
          id,
          name,
          arguments: args,
        })),
        usage: usageOf(event.usage),
        model: event.model ?? null,
      };
    case "ToolCallEvent":
      return { type: event.type, id: event.id, name: event.name, arguments: event.arguments };
    case "ToolResultEvent":
      return { type: event.type, parentId: event.parentId, name: event.name, result: event.result };
    case "ToolErrorEvent":
      return {
        type: event.type,
        parentId: event.parentId,
        name: event.name,
        error: { type: event.error.type, message: event.error.message },
      };
    case "HumanInputRequest":
      return { type: event.type, prompt: event.prompt };
    case "HumanMessage":
      return { type: event.type, content: event.content };
  }
}

function assertSameTrace(got: Trace, expected: Trace, taskId: string): void {
  assert.deepEqual(
    got.events.map(essentials),
    expected.events.map(essentials),
    `events of ${taskId}`,
  );
  const exception = (trace: Trace) =>
    trace.exception ? { type: trace.exception.type, message: trace.exception.message } : null;
  assert.deepEqual(exception(got), exception(expected), `exception of ${taskId}`);
  assert.deepEqual(got.tokens, expected.tokens, `tokens of ${taskId}`);
}

/**
 * Registers `node:test` cases that any {@link TraceSource} implementation should pass. The
 * suite hands `createSource` three traces ({@link TraceFixture}: trace id, task id, trace
 * with model responses and usage, tool calls, a tool result, a tool error, a human turn and
 * an exception); the implementation stores them its own way and returns a source over them.
 * Checked: `list()` yields every trace id with its task id, in the same order each time;
 * `load()` of each ref gives back the events (type, order, names, contents, usage), the
 * exception's type and message, and the token totals; `load()` of an unknown id rejects
 * with an error naming it.
 *
 * @example
 * ```ts
 * import { describeTraceSourceContract } from "@ag2/eval-core/testing";
 * describeTraceSourceContract("InMemoryTraceSource", (fixtures) =>
 *   new InMemoryTraceSource(fixtures.map((f) => [{ traceId: f.traceId, taskId: f.taskId }, f.trace])),
 * );
 * ```
 */
export function describeTraceSourceContract(
  name: string,
  createSource: (fixtures: readonly TraceFixture[]) => TraceSource | Promise<TraceSource>,
): void {
  describe(`TraceSource contract: ${name}`, () => {
    it("lists every trace with its task id, in a stable order", async () => {
      const fixtures = traceFixtures();
      const source = await createSource(fixtures);
      const first = await listAll(source);
      const pairs = (refs: readonly TraceRef[]) => refs.map((r) => [r.traceId, r.taskId ?? null]);
      assert.deepEqual(
        [...pairs(first)].sort(),
        fixtures.map((f) => [f.traceId, f.taskId]).sort(),
        "list() should yield each fixture's trace id with its task id, once",
      );
      assert.deepEqual(pairs(await listAll(source)), pairs(first), "a second list() reorders");
    });

    it("loads each listed trace back with its events, usage, tokens and exception", async () => {
      const fixtures = traceFixtures();
      const source = await createSource(fixtures);
      const byId = new Map(fixtures.map((f) => [f.traceId, f]));
      const refs = await listAll(source);
      assert.equal(refs.length, fixtures.length);
      for (const ref of refs) {
        const fixture = byId.get(ref.traceId);
        assert.ok(fixture, `list() yielded an unknown trace id '${ref.traceId}'`);
        assertSameTrace(await source.load(ref), fixture.trace, fixture.taskId);
      }
    });

    it("rejects loading an unknown trace id with an error naming it", async () => {
      const source = await createSource(traceFixtures());
      await listAll(source);
      const unknown = "0123456789abcdef0123456789abcdef";
      await assert.rejects(source.load({ traceId: unknown, taskId: null }), (error: unknown) => {
        assert.ok(error instanceof Error, "expected an Error");
        assert.ok(
          error.message.includes(unknown),
          `the error should name '${unknown}': ${error.message}`,
        );
        return true;
      });
    });
  });
}
