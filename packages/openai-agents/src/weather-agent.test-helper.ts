import { lookUpWeather, type MockOpenAIServer } from "@ag2/mock-openai";
import { Agent, type AgentConfiguration, OpenAIChatCompletionsModel, tool } from "@openai/agents";
import OpenAI from "openai";
import { z } from "zod";

/** The `get_weather` tool of the scripted conversation, as an Agents SDK tool. */
export const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city.",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => lookUpWeather(city),
});

/** A chat-completions model on the mock server (no network, no retries). */
export function mockModel(mock: MockOpenAIServer): OpenAIChatCompletionsModel {
  const client = new OpenAI({ baseURL: mock.baseURL, apiKey: "test-key", maxRetries: 0 });
  return new OpenAIChatCompletionsModel(client, "mock-gpt");
}

/** An Agents SDK weather agent on the mock server. */
export function weatherAgent(
  mock: MockOpenAIServer,
  extra: Partial<AgentConfiguration<unknown>> = {},
): Agent<unknown> {
  return new Agent({
    name: "weather",
    instructions: "Answer weather questions with get_weather.",
    tools: [getWeather],
    model: mockModel(mock),
    ...extra,
  });
}
