import {
  finalAnswerMatches,
  noToolErrors,
  type RunResult,
  runAgent,
  Suite,
  toolCalled,
} from "@ag2/eval";
import { openAIAgentsAgent } from "@ag2/eval-openai-agents";
import { startMockOpenAI, WEATHER_REPORTS, weatherAnswer, weatherScript } from "@ag2/mock-openai";
import { weatherAgent } from "./weather-agent.js";

/** One task per city the scripted model knows, with the answer it should give. */
const suite = Suite.fromList(
  Object.entries(WEATHER_REPORTS).map(([city, report]) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `What is the weather in ${city}?` },
    reference_outputs: { answer: weatherAnswer(city, report) },
  })),
  { name: "openai-agents-weather" },
);

/**
 * Starts the bundled mock model server, evaluates the agent on every city (graded from the
 * spans the SDK's tracing sends through OpenInference), and stops the server.
 */
export async function runExample(): Promise<RunResult> {
  const mock = await startMockOpenAI({ script: weatherScript() });
  try {
    return await runAgent(suite, {
      agent: openAIAgentsAgent(weatherAgent(mock.baseURL)),
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
