import { openAIAgentsAgent } from "@ag2/eval-openai-agents";
import { lookUpWeather } from "@ag2/mock-openai";
import { Agent, OpenAIChatCompletionsModel, tool } from "@openai/agents";
import OpenAI from "openai";
import { z } from "zod";
import type { FrameworkRow } from "../framework-row.js";

/** The OpenAI Agents SDK: an `Agent` with a function tool on a chat-completions model. */
export const row: FrameworkRow = {
  name: "OpenAI Agents SDK",
  createAgent: (mock) => {
    const client = new OpenAI({ baseURL: mock.baseURL, apiKey: "test-key", maxRetries: 0 });
    return openAIAgentsAgent(
      new Agent({
        name: "weather",
        instructions: "Answer weather questions with get_weather.",
        model: new OpenAIChatCompletionsModel(client, mock.model),
        tools: [
          tool({
            name: "get_weather",
            description: "Current weather in a city.",
            parameters: z.object({ city: z.string() }),
            execute: async ({ city }) => lookUpWeather(city),
          }),
        ],
      }),
    );
  },
};
