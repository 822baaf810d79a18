import { type ModelCallRequest, type ScriptedModelResponse, TestConfig } from "@ag2/eval";

/** Answers from the last tool result in the conversation, like a model reading it would. */
function answerFromToolResult(request: ModelCallRequest): ScriptedModelResponse {
  const toolMessage = [...request.messages].reverse().find((message) => message.role === "tool");
  const weather = JSON.parse(String(toolMessage?.content ?? "{}")) as {
    city?: string;
    temperatureC?: number;
    conditions?: string;
  };
  return {
    type: "ModelResponse",
    content: `It is ${weather.temperatureC}°C and ${weather.conditions} in ${weather.city}.`,
    // made-up but plausible token counts, so the summary and token budgets have numbers
    usage: { inputTokens: 180, outputTokens: 16 },
  };
}

function lookUp(city: string): TestConfig {
  return new TestConfig(
    {
      type: "ModelResponse",
      content: null,
      toolCalls: [{ name: "get_weather", arguments: { city } }],
      usage: { inputTokens: 120, outputTokens: 18 },
    },
    answerFromToolResult,
  );
}

/**
 * The scripted model replies per task, chosen by the task's `metadata.cassette`. One cassette
 * answers from memory without calling the tool (and guesses wrong), so the example shows a
 * failing task.
 *
 * @example
 * ```ts
 * const config = CASSETTES["tokyo"];
 * ```
 */
export const CASSETTES: Readonly<Record<string, TestConfig>> = {
  tokyo: lookUp("Tokyo"),
  "sao-paulo": lookUp("São Paulo"),
  reykjavik: lookUp("Reykjavík"),
  cairo: lookUp("Cairo"),
  "sydney-from-memory": new TestConfig("Sydney is usually sunny, around 25°C."),
};
