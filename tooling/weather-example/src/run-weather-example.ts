import {
  type AgentInterface,
  finalAnswerMatches,
  noToolErrors,
  type RunResult,
  runAgent,
  Suite,
  toolCalled,
} from "@ag2/eval";
import { startMockOpenAI, WEATHER_REPORTS, weatherAnswer, weatherScript } from "@ag2/mock-openai";

/** What one framework example plugs into the shared weather evaluation. */
export interface WeatherExampleOptions {
  /** The suite's name, which the run records. */
  readonly name: string;
  /** The framework's agent, with its model pointed at `baseURL` (the mock server's). */
  agent(baseURL: string): AgentInterface;
}

/** One task per city the scripted model knows, with the answer it should give. */
export function weatherExampleSuite(name: string): Suite {
  return Suite.fromList(
    Object.entries(WEATHER_REPORTS).map(([city, report]) => ({
      task_id: city.toLowerCase(),
      inputs: { input: `What is the weather in ${city}?` },
      reference_outputs: { answer: weatherAnswer(city, report) },
    })),
    { name },
  );
}

/**
 * Starts the bundled mock model server, evaluates the agent on every city (graded from the
 * spans the framework's tracing sends through OpenInference), and stops the server.
 *
 * @example
 * ```ts
 * const result = await runWeatherExample({
 *   name: "openai-agents-weather",
 *   agent: (baseURL) => openAIAgentsAgent(weatherAgent(baseURL)),
 * });
 * ```
 */
export async function runWeatherExample(options: WeatherExampleOptions): Promise<RunResult> {
  const mock = await startMockOpenAI({ script: weatherScript() });
  try {
    return await runAgent(weatherExampleSuite(options.name), {
      agent: options.agent(mock.baseURL),
      scorers: [
        toolCalled("get_weather"),
        noToolErrors(),
        finalAnswerMatches("answer", { matcher: "exact" }),
      ],
      store: null,
      concurrency: 3,
    });
  } finally {
    await mock.close();
  }
}
