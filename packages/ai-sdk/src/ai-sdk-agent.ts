import type { Agent, AskOptions, ModelConfig } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";
import type { TelemetrySettings } from "ai";
import { type AiSdkTelemetrySettings, aiSdkTelemetry } from "./ai-sdk-telemetry.js";

/** What an {@link aiSdkAgent}'s `run` receives with each input. */
export interface AiSdkRunContext {
  /** Pass as `experimental_telemetry` to every `generateText` / `streamText` call. */
  readonly telemetry: TelemetrySettings;
  /** Aborted when the task times out or the run is cancelled: pass as `abortSignal`. */
  readonly signal: AbortSignal | undefined;
  /** The run's model config for this task, when one was given. */
  readonly config: ModelConfig | undefined;
}

/**
 * What `run` may return: the answer's text, or a result with a `text` (what `generateText`
 * resolves to, or `streamText`'s result, whose `text` is a promise).
 */
export type AiSdkAnswer = string | { readonly text: string | PromiseLike<string> };

/** Options of {@link aiSdkAgent}. */
export interface AiSdkAgentOptions {
  /** The agent's name in traces and results. */
  readonly name: string;
  /** Answers one input with the AI SDK, passing `context.telemetry` to each SDK call. */
  readonly run: (input: string, context: AiSdkRunContext) => Promise<AiSdkAnswer>;
  /** The SDK's telemetry settings; `functionId` defaults to `name`. */
  readonly telemetry?: AiSdkTelemetrySettings | undefined;
}

async function textOf(answer: AiSdkAnswer): Promise<string> {
  return typeof answer === "string" ? answer : await answer.text;
}

/**
 * Turns a function that answers with the Vercel AI SDK into an agent `runAgent` can run and
 * grade. Each `ask` runs inside the agent turn the tracing middleware records, and `run`
 * receives the SDK's `experimental_telemetry` already pointing at the task's tracer
 * ({@link aiSdkTelemetry}), so the SDK's model calls, tool calls and token counts become the
 * task's trace with no further wiring.
 *
 * @example
 * ```ts
 * const agent = aiSdkAgent({
 *   name: "weather",
 *   run: (input, { telemetry, signal }) =>
 *     generateText({
 *       model, prompt: input, tools, stopWhen: stepCountIs(4),
 *       abortSignal: signal, experimental_telemetry: telemetry,
 *     }),
 * });
 * await runAgent(suite, { agent, scorers, tracing: otelTracing(), store: null });
 * ```
 */
export function aiSdkAgent(options: AiSdkAgentOptions): Agent {
  const { name, run } = options;
  const settings = { functionId: name, ...options.telemetry };
  return {
    name,
    async ask(input: string, askOptions?: AskOptions): Promise<string> {
      const context: AiSdkRunContext = {
        telemetry: aiSdkTelemetry(askOptions, settings),
        signal: askOptions?.signal,
        config: askOptions?.config,
      };
      const turn = await runHook(
        askOptions?.middleware ?? [],
        "onTurn",
        { agentName: name, input },
        async () => ({ content: await textOf(await run(input, context)) }),
      );
      return turn.content ?? "";
    },
  };
}
