import type { AgentFactory, AgentInterface } from "@ag2/eval";
import type { SpanConvention } from "@ag2/eval-telemetry";

/** Where a row's agent finds the scripted model (see `startMockOpenAI`). */
export interface MockModel {
  /** The OpenAI-compatible API root, ending in `/v1`. */
  readonly baseURL: string;
  /** The model name to ask for. */
  readonly model: string;
}

/**
 * One framework in the cross-framework test: an agent built the way that framework's users
 * build it, with a `get_weather({ city })` tool that answers `lookUpWeather(city)`, talking to
 * the scripted model at `mock`. A row is one file in `src/rows/` exporting `row`; the test
 * finds every file there, so adding a framework touches nothing else.
 *
 * @example
 * ```ts
 * // src/rows/echo.ts
 * export const row: FrameworkRow = {
 *   name: "echo",
 *   createAgent: (mock) => ({ name: "echo", ask: async (input) => input }),
 * };
 * ```
 */
export interface FrameworkRow {
  /** Shown in test names. */
  readonly name: string;
  /** The agent `runAgent` runs on every task (an instance or a factory). */
  createAgent(mock: MockModel): AgentInterface | AgentFactory;
  /** Conventions that read this framework's spans; default `otelTracing()`'s. */
  readonly conventions?: readonly SpanConvention[] | undefined;
}
