import { lookUpWeather, type MockOpenAIServer } from "@ag2/mock-openai";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import type { MessagesGraph } from "./lang-graph-agent.js";

/** The `get_weather` tool of the scripted conversation, as a LangChain tool. */
export const getWeather = tool(async ({ city }: { city: string }) => lookUpWeather(city), {
  name: "get_weather",
  description: "Current weather in a city.",
  schema: z.object({ city: z.string() }),
});

/** A LangGraph ReAct agent on the mock server's chat completions (no network, no retries). */
export function weatherGraph(
  mock: MockOpenAIServer,
  tools: Parameters<typeof createReactAgent>[0]["tools"] = [getWeather],
): MessagesGraph {
  const llm = new ChatOpenAI({
    model: "mock-gpt",
    apiKey: "test-key",
    maxRetries: 0,
    configuration: { baseURL: mock.baseURL },
  });
  return createReactAgent({
    llm,
    tools,
    prompt: "Answer weather questions with get_weather.",
  });
}
