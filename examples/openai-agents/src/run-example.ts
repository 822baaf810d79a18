import type { RunResult } from "@ag2/eval";
import { openAIAgentsAgent } from "@ag2/eval-openai-agents";
import { runWeatherExample } from "@ag2/weather-example";
import { weatherAgent } from "./weather-agent.js";

/**
 * Starts the bundled mock model server, evaluates the agent on every city (graded from the
 * spans the framework's tracing sends through OpenInference), and stops the server.
 */
export function runExample(): Promise<RunResult> {
  return runWeatherExample({
    name: "openai-agents-weather",
    agent: (baseURL) => openAIAgentsAgent(weatherAgent(baseURL)),
  });
}
