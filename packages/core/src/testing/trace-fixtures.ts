import { Trace } from "../trace/trace.js";

/** One trace a {@link describeTraceSourceContract} suite hands to the source under test. */
export interface TraceFixture {
  /** 32 lowercase hex digits, as OpenTelemetry writes trace ids. */
  readonly traceId: string;
  readonly taskId: string;
  readonly trace: Trace;
}

const T0 = 1_795_682_347_000;

/**
 * Three traces covering what a source must keep: model responses with tool calls and usage
 * (cache and thinking tokens too), a tool result, a tool error, a human turn, and an
 * exception with its own type. Built fresh on each call so no test can mutate another's.
 *
 * @example
 * ```ts
 * const source = new InMemoryTraceSource(
 *   traceFixtures().map((f) => [{ traceId: f.traceId, taskId: f.taskId }, f.trace]),
 * );
 * ```
 */
export function traceFixtures(): TraceFixture[] {
  return [
    {
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      taskId: "capital-fr",
      trace: new Trace({
        durationMs: 1500,
        events: [
          {
            type: "ModelResponse",
            content: null,
            toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"country":"France"}' }],
            usage: { inputTokens: 120, outputTokens: 15, cacheReadInputTokens: 100 },
            model: "gpt-4o",
            createdAt: T0,
          },
          {
            type: "ToolCallEvent",
            id: "call_1",
            name: "lookup",
            arguments: '{"country":"France"}',
            createdAt: T0 + 10,
          },
          { type: "ToolResultEvent", parentId: "call_1", name: "lookup", result: "Paris" },
          {
            type: "ModelResponse",
            content: "The capital of France is Paris.",
            usage: { inputTokens: 150, outputTokens: 9, cacheCreationInputTokens: 30 },
            model: "gpt-4o",
            createdAt: T0 + 900,
          },
        ],
      }),
    },
    {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      taskId: "weather-oslo",
      trace: new Trace({
        durationMs: 2750,
        events: [
          {
            type: "ModelResponse",
            content: "Let me check.",
            toolCalls: [{ id: "call_w", name: "get_weather", arguments: '{"city":"Oslo"}' }],
            usage: { inputTokens: 80, outputTokens: 20, thinkingTokens: 12 },
            model: "claude-sonnet-4",
            createdAt: T0 + 5000,
          },
          {
            type: "ToolCallEvent",
            id: "call_w",
            name: "get_weather",
            arguments: '{"city":"Oslo"}',
            createdAt: T0 + 5100,
          },
          {
            type: "ToolErrorEvent",
            parentId: "call_w",
            name: "get_weather",
            error: { type: "TimeoutError", message: "weather API did not answer in 2s" },
          },
          {
            type: "ModelResponse",
            content: "The weather service is down; try again later.",
            usage: { inputTokens: 110, outputTokens: 14 },
            model: "claude-sonnet-4",
            createdAt: T0 + 7000,
          },
        ],
      }),
    },
    {
      traceId: "b7ad6b7169203331b7ad6b7169203331",
      taskId: "refund-escalation",
      trace: new Trace({
        durationMs: 400,
        exception: { type: "RateLimitError", message: "429: too many requests" },
        events: [
          { type: "HumanInputRequest", prompt: "Which order?", createdAt: T0 + 9000 },
          { type: "HumanMessage", content: "Order 1234", createdAt: T0 + 9000 },
          {
            type: "ModelResponse",
            content: "Looking up order 1234.",
            usage: { inputTokens: 40, outputTokens: 6 },
            model: "gpt-4o-mini",
            createdAt: T0 + 9100,
          },
        ],
      }),
    },
  ];
}
