import { Agent, type AgentFactory, type AgentModelConfig } from "@ag2/eval";
import { CASSETTES } from "./cassettes.js";
import { getWeather } from "./get-weather.js";

/**
 * The weather agent on a model config (a cassette offline, or `OpenAICompatibleConfig`).
 *
 * @example
 * ```ts
 * const reply = await createWeatherAgent(CASSETTES.tokyo).ask("Weather in Tokyo?");
 * ```
 */
export function createWeatherAgent(config: AgentModelConfig): Agent {
  return new Agent({
    name: "weather",
    instructions:
      "You answer questions about the current weather. Always call get_weather; never guess.",
    tools: [getWeather],
    config,
  });
}

/**
 * What `ag2-eval run` calls for each task: the model config given to the run (for instance
 * a real endpoint in `ag2-eval.config.ts`) wins; otherwise the task's cassette is used.
 *
 * @example
 * ```ts
 * // ag2-eval run suite.jsonl --agent ./src/agent.ts#weatherAgent
 * ```
 */
export const weatherAgent: AgentFactory = ({ config, task }) => {
  if (config) return createWeatherAgent(config as AgentModelConfig);
  const name = String(task.metadata.cassette ?? task.taskId);
  const cassette = CASSETTES[name];
  if (!cassette) throw new Error(`no cassette "${name}" for task ${task.taskId}`);
  return createWeatherAgent(cassette);
};
