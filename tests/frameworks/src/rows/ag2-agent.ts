import { Agent, OpenAICompatibleConfig, tool } from "@ag2/eval";
import { lookUpWeather } from "@ag2/mock-openai";
import { z } from "zod";
import type { FrameworkRow } from "../framework-row.js";

const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city.",
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => lookUpWeather(city),
});

/** Our own reference `Agent` on an OpenAI-compatible config: the baseline every row matches. */
export const row: FrameworkRow = {
  name: "ag2 Agent",
  createAgent: (mock) =>
    new Agent({
      name: "weather",
      instructions: "Answer weather questions with get_weather.",
      tools: [getWeather],
      config: new OpenAICompatibleConfig({ baseURL: mock.baseURL, model: mock.model }),
    }),
};
