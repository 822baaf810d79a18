import type { Agent, ErrorInfo, Middleware, ModelCallRequest, ModelResponse } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";

/** Lets other tasks run, so concurrent asks really interleave. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One model call through the middleware (provider "test", model "m1"), answered after a tick. */
function callModel(
  middleware: readonly Middleware[],
  request: Pick<ModelCallRequest, "messages" | "tools">,
  response: ModelResponse,
): Promise<ModelResponse> {
  const full = { ...request, provider: "test", model: "m1" };
  return runHook(middleware, "onModelCall", full, async () => {
    await tick();
    return response;
  });
}

export interface WeatherAgentOptions {
  /** The tool reports this error back to the model instead of a result. */
  readonly toolError?: ErrorInfo;
  /** Thrown from inside the turn, after the tool ran. */
  readonly crash?: Error;
  /** Counts asks in flight. */
  readonly inFlight?: { now: number; max: number };
}

/**
 * A hand-written agent that calls every middleware hook like a real one: a model call asking
 * for `get_weather`, the tool, and a second model call answering with the city's weather.
 */
export function weatherAgent(options: WeatherAgentOptions = {}): Agent {
  return {
    name: "weather",
    async ask(input, { middleware = [] }: { middleware?: readonly Middleware[] } = {}) {
      const gauge = options.inFlight;
      if (gauge) gauge.max = Math.max(gauge.max, ++gauge.now);
      try {
        const turn = await runHook(
          middleware,
          "onTurn",
          { agentName: "weather", input, provider: "test", model: "m1" },
          async (request) => {
            const city = request.input.split(" ").at(-1)?.replace("?", "") ?? "";
            await tick();
            const first = await callModel(
              middleware,
              {
                messages: [{ role: "user", content: request.input }],
                tools: [{ name: "get_weather", parameters: { type: "object" } }],
              },
              {
                type: "ModelResponse",
                content: null,
                toolCalls: [
                  { id: `call-${city}`, name: "get_weather", arguments: JSON.stringify({ city }) },
                ],
                usage: { inputTokens: 10, outputTokens: 5 },
                model: "m1-2026",
                finishReason: "tool_calls",
              },
            );
            const call = first.toolCalls?.[0];
            if (!call) throw new Error("no tool call");
            const outcome = await runHook(middleware, "onToolExecution", call, async (c) => {
              await tick();
              return options.toolError
                ? {
                    type: "ToolErrorEvent" as const,
                    parentId: c.id,
                    name: c.name,
                    error: options.toolError,
                  }
                : {
                    type: "ToolResultEvent" as const,
                    parentId: c.id,
                    name: c.name,
                    result: `sunny in ${city}`,
                  };
            });
            if (options.crash) throw options.crash;
            const answer =
              outcome.type === "ToolResultEvent"
                ? `${city} is sunny.`
                : `I could not find ${city}.`;
            const second = await callModel(
              middleware,
              {
                messages: [
                  { role: "user", content: request.input },
                  { role: "assistant", content: null, toolCalls: [call] },
                  { role: "tool", content: "…", toolCallId: call.id },
                ],
                tools: [],
              },
              {
                type: "ModelResponse",
                content: answer,
                usage: { inputTokens: 20, outputTokens: 7, cacheReadInputTokens: 3 },
                model: "m1-2026",
                finishReason: "stop",
              },
            );
            return { content: second.content };
          },
        );
        return turn.content;
      } finally {
        if (gauge) gauge.now--;
      }
    },
  };
}
