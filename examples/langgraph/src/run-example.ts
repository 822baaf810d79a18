import {
  finalAnswerMatches,
  noToolErrors,
  type RunResult,
  runAgent,
  Suite,
  toolCalled,
} from "@ag2/eval";
import { langGraphAgent } from "@ag2/eval-langchain";
import { startMockOpenAI, WEATHER_REPORTS, weatherAnswer, weatherScript } from "@ag2/mock-openai";
import { weatherGraph } from "./weather-graph.js";

/** One task per city the scripted model knows, with the answer it should give. */
const suite = Suite.fromList(
  Object.entries(WEATHER_REPORTS).map(([city, report]) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `What is the weather in ${city}?` },
    reference_outputs: { answer: weatherAnswer(city, report) },
  })),
  { name: "langgraph-weather" },
);

/**
 * Starts the bundled mock model server, evaluates the agent on every city (graded from the
 * spans the SDK's tracing sends through OpenInference), and stops the server.
 */
export async function runExample(): Promise<RunResult> {
  const mock = await startMockOpenAI({ script: weatherScript() });
  try {
    return await runAgent(suite, {
      agent: langGraphAgent(weatherGraph(mock.baseURL), { name: "weather" }),
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
