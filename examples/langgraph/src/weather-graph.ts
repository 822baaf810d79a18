import type { MessagesGraph } from "@ag2/eval-langchain";
import { lookUpWeather } from "@ag2/mock-openai";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";

const getWeather = tool(async ({ city }: { city: string }) => lookUpWeather(city), {
  name: "get_weather",
  description: "Current weather in a city.",
  schema: z.object({ city: z.string() }),
});

/**
 * An ordinary LangGraph ReAct agent; only its chat model points at `baseURL` (the bundled mock
 * server here, any OpenAI-compatible endpoint in real use).
 */
export function weatherGraph(baseURL: string, apiKey = "not-needed-offline"): MessagesGraph {
  const llm = new ChatOpenAI({
    model: "mock-gpt",
    apiKey,
    maxRetries: 0,
    configuration: { baseURL },
  });
  return createReactAgent({
    llm,
    tools: [getWeather],
    prompt: "Answer weather questions with get_weather.",
  });
}
