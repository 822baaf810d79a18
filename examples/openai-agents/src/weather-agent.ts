import { lookUpWeather } from "@ag2/mock-openai";
import { Agent, OpenAIChatCompletionsModel, tool } from "@openai/agents";
import OpenAI from "openai";
import { z } from "zod";

const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city.",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => lookUpWeather(city),
});

/**
 * An ordinary Agents SDK agent; only its model points at `baseURL` (the bundled mock server
 * here, any OpenAI-compatible endpoint in real use) through the chat-completions model class.
 */
export function weatherAgent(baseURL: string, apiKey = "not-needed-offline"): Agent {
  const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
  return new Agent({
    name: "weather",
    instructions: "Answer weather questions with get_weather.",
    tools: [getWeather],
    model: new OpenAIChatCompletionsModel(client, "mock-gpt"),
  });
}
