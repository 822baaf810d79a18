import type { RunResult } from "@ag2/eval";
import { langGraphAgent } from "@ag2/eval-langchain";
import { runWeatherExample } from "@ag2/weather-example";
import { weatherGraph } from "./weather-graph.js";

/**
 * Starts the bundled mock model server, evaluates the agent on every city (graded from the
 * spans the framework's tracing sends through OpenInference), and stops the server.
 */
export function runExample(): Promise<RunResult> {
  return runWeatherExample({
    name: "langgraph-weather",
    agent: (baseURL) => langGraphAgent(weatherGraph(baseURL), { name: "weather" }),
  });
}
