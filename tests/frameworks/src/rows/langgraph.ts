import { langGraphAgent } from "@ag2/eval-langchain";
import { lookUpWeather } from "@ag2/mock-openai";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import type { FrameworkRow } from "../framework-row.js";

/** LangGraph.js: the prebuilt ReAct agent over `ChatOpenAI`, traced by OpenInference. */
export const row: FrameworkRow = {
  name: "LangGraph.js",
  createAgent: (mock) => {
    const getWeather = tool(async ({ city }: { city: string }) => lookUpWeather(city), {
      name: "get_weather",
      description: "Current weather in a city.",
      schema: z.object({ city: z.string() }),
    });
    const llm = new ChatOpenAI({
      model: mock.model,
      apiKey: "test-key",
      maxRetries: 0,
      configuration: { baseURL: mock.baseURL },
    });
    const graph = createReactAgent({
      llm,
      tools: [getWeather],
      prompt: "Answer weather questions with get_weather.",
    });
    return langGraphAgent(graph, { name: "weather" });
  },
};
