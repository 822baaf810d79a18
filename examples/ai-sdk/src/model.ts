import { startMockOpenAI, weatherScript } from "@ag2/mock-openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";

let model: Promise<LanguageModel> | undefined;

/**
 * The model the agent talks to: the endpoint in `OPENAI_BASE_URL` (with `OPENAI_API_KEY` and
 * `OPENAI_MODEL`) when set, else the bundled mock server, started once on 127.0.0.1, whose
 * scripted model calls `get_weather` and answers from its result.
 *
 * @example
 * ```ts
 * const text = (await generateText({ model: await exampleModel(), prompt: "Hi" })).text;
 * ```
 */
export function exampleModel(): Promise<LanguageModel> {
  model ??= (async () => {
    const baseURL =
      process.env.OPENAI_BASE_URL ?? (await startMockOpenAI({ script: weatherScript() })).baseURL;
    const provider = createOpenAICompatible({
      name: "openai-compatible",
      baseURL,
      apiKey: process.env.OPENAI_API_KEY,
      includeUsage: true,
    });
    return provider.chatModel(process.env.OPENAI_MODEL ?? "mock-gpt");
  })();
  return model;
}
