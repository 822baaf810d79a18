import { type Agent, type AgentFactory, type RunResult, runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import type { ChatScript } from "./chat-script.js";
import { type MockOpenAIServer, startMockOpenAI } from "./mock-openai-server.js";
import { weatherScript } from "./weather-script.js";

/** What {@link runOnMock} runs: a bridge's agent on the mock server, and what to ask it. */
export interface RunOnMockOptions {
  /** The agent under test, its model pointed at `mock.baseURL`. */
  agent(mock: MockOpenAIServer): Agent | AgentFactory;
  /** Default: {@link weatherQuestions} for Paris alone. */
  readonly suite?: Suite;
  /** What the mock model replies. Default: {@link weatherScript}. */
  readonly script?: ChatScript;
  readonly concurrency?: number;
}

/**
 * One suite of "What is the weather in <city>?" tasks, their ids the cities in lower case.
 *
 * @example
 * ```ts
 * weatherQuestions(["Paris", "Oslo"]).tasks.map((task) => task.taskId); // ["paris", "oslo"]
 * ```
 */
export function weatherQuestions(cities: readonly string[]): Suite {
  return Suite.fromList(
    cities.map((city) => ({
      task_id: city.toLowerCase(),
      inputs: { input: `What is the weather in ${city}?` },
    })),
  );
}

/**
 * Starts the mock server, runs the agent under `runAgent` with `otelTracing()` (no scorers, no
 * store; warnings land on the result only), and stops the server: a bridge test then reads the
 * traces the framework's spans became.
 *
 * @example
 * ```ts
 * const result = await runOnMock({ agent: (mock) => langGraphAgent(weatherGraph(mock)) });
 * eventLines(result.tasks[0]!.trace);
 * ```
 */
export async function runOnMock(options: RunOnMockOptions): Promise<RunResult> {
  const mock = await startMockOpenAI({ script: options.script ?? weatherScript() });
  try {
    return await runAgent(options.suite ?? weatherQuestions(["Paris"]), {
      agent: options.agent(mock),
      scorers: [],
      store: null,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      tracing: otelTracing({ onWarning: () => {} }),
    });
  } finally {
    await mock.close();
  }
}
