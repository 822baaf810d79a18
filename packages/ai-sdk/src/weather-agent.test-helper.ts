import { after, before } from "node:test";
import {
  type ChatScript,
  lookUpWeather,
  type MockOpenAIServer,
  startMockOpenAI,
  weatherScript,
} from "@ag2/mock-openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";
import { type AiSdkAgentOptions, aiSdkAgent } from "./ai-sdk-agent.js";
import type { AiSdkTelemetrySettings } from "./ai-sdk-telemetry.js";

export interface WeatherAgentOptions {
  readonly baseURL: string;
  /** What the tool does; default the scripted conversation's lookup. */
  readonly execute?: (city: string) => unknown;
  readonly stream?: boolean;
  readonly telemetry?: AiSdkTelemetrySettings;
  /** Told what `run` received, for tests of the wiring. */
  readonly seen?: Parameters<AiSdkAgentOptions["run"]>[1][];
}

/** An AI SDK weather agent on the mock server, written as a user would with `aiSdkAgent`. */
export function weatherAgent(options: WeatherAgentOptions) {
  const provider = createOpenAICompatible({
    name: "mock",
    baseURL: options.baseURL,
    includeUsage: true,
  });
  const execute = options.execute ?? lookUpWeather;
  return aiSdkAgent({
    name: "weather",
    telemetry: options.telemetry,
    run: async (input, context) => {
      options.seen?.push(context);
      const settings = {
        model: provider.chatModel("mock-gpt"),
        prompt: input,
        tools: {
          get_weather: tool({
            description: "Current weather in a city.",
            inputSchema: z.object({ city: z.string() }),
            execute: async ({ city }) => execute(city),
          }),
        },
        stopWhen: stepCountIs(4),
        maxRetries: 0,
        abortSignal: context.signal,
        experimental_telemetry: context.telemetry,
      };
      return options.stream ? streamText(settings) : generateText(settings);
    },
  });
}

/** A mock server for the enclosing `describe`, whose script each test may replace. */
export interface SwitchableServer {
  readonly baseURL: string;
  /** Plays `script` from the next request on. */
  play(script: ChatScript): void;
}

/** Starts a {@link SwitchableServer} before the suite's tests and closes it after them. */
export function serverForSuite(): SwitchableServer {
  let server: MockOpenAIServer | undefined;
  let script: ChatScript = weatherScript();
  before(async () => {
    server = await startMockOpenAI({ script: (request) => script(request) });
  });
  after(() => server?.close());
  return {
    get baseURL() {
      return server?.baseURL ?? "";
    },
    play(next) {
      script = next;
    },
  };
}
