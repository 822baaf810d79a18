import { aiSdkAgent } from "@ag2/eval-ai-sdk";
import { lookUpWeather } from "@ag2/mock-openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, stepCountIs, tool } from "ai";
import { z } from "zod";
import type { FrameworkRow } from "../framework-row.js";

/** The Vercel AI SDK 6: `generateText` with a tool, wired through `aiSdkAgent`. */
export const row: FrameworkRow = {
  name: "AI SDK",
  createAgent: (mock) => {
    const provider = createOpenAICompatible({ name: "mock", baseURL: mock.baseURL });
    return aiSdkAgent({
      name: "weather",
      run: (input, { telemetry, signal }) =>
        generateText({
          model: provider.chatModel(mock.model),
          system: "Answer weather questions with get_weather.",
          prompt: input,
          tools: {
            get_weather: tool({
              description: "Current weather in a city.",
              inputSchema: z.object({ city: z.string() }),
              execute: async ({ city }) => lookUpWeather(city),
            }),
          },
          stopWhen: stepCountIs(4),
          maxRetries: 0,
          abortSignal: signal,
          experimental_telemetry: telemetry,
        }),
    });
  },
};
