import { lookUpWeather, type MockOpenAIServer } from "@ag2/mock-openai";
import { Agent, OpenAIChatCompletionsModel, tool } from "@openai/agents";
import OpenAI from "openai";
import { z } from "zod";

/** The `get_weather` tool of the scripted conversation, as an Agents SDK tool. */
export const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city.",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => lookUpWeather(city),
});

/** An Agents SDK agent on the mock server's chat completions (no network, no retries). */
export function weatherAgent(mock: MockOpenAIServer, extra: Partial<ConstructorParameters<typeof Agent>[0]> = {}) {
  const client = new OpenAI({ baseURL: mock.baseURL, apiKey: "test-key", maxRetries: 0 });
  return new Agent({
    name: "weather",
    instructions: "Answer weather questions with get_weather.",
    tools: [getWeather],
    model: new OpenAIChatCompletionsModel(client, "mock-gpt"),
    ...extra,
  });
}
