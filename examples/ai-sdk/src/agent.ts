import { aiSdkAgent } from "@ag2/eval-ai-sdk";
import { lookUpWeather } from "@ag2/mock-openai";
import { generateText, stepCountIs, tool } from "ai";
import { z } from "zod";
import { exampleModel } from "./model.js";

const getWeather = tool({
  description: "Current weather in a city: conditions and temperature in °C.",
  inputSchema: z.object({ city: z.string().describe("The city name, e.g. Paris") }),
  execute: async ({ city }) => lookUpWeather(city),
});

/**
 * The agent as an AI SDK user writes it: one `generateText` call with a tool. `aiSdkAgent`
 * hands it the telemetry settings that carry the task's tracer, so its spans become the trace
 * `ag2-eval` grades.
 *
 * @example
 * ```ts
 * // ag2-eval run weather.jsonl --agent ./src/agent.ts#weatherAgent
 * ```
 */
export const weatherAgent = aiSdkAgent({
  name: "weather",
  run: async (input, { telemetry, signal }) =>
    generateText({
      model: await exampleModel(),
      system: "You answer questions about the current weather. Always call get_weather.",
      prompt: input,
      tools: { get_weather: getWeather },
      stopWhen: stepCountIs(4),
      abortSignal: signal,
      experimental_telemetry: telemetry,
    }),
});
