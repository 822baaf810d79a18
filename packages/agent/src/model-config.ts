import type { ModelCallRequest, ModelResponse, Task } from "@ag2/eval-core";

/**
 * What an agent tells a config when it builds a client for one `ask`.
 *
 * @example
 * ```ts
 * config.createClient({ task }); // the task runAgent passed to ask, when there is one
 * ```
 */
export interface ModelClientContext {
  /** The task being run; a model cache keeps its repeats apart by it. */
  readonly task?: Task | undefined;
  /** The run's fetch for model calls (a model cache's, with `ag2-eval run --cache`). */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * Talks to one model. A client may keep state between calls (a scripted cassette's
 * position, a connection); an agent creates one per `ask` and reuses it for continuations.
 *
 * @example
 * ```ts
 * const client: ModelClient = {
 *   call: async (request) => ({ type: "ModelResponse", content: `echo: ${request.messages.length}` }),
 * };
 * ```
 */
export interface ModelClient {
  call(
    request: ModelCallRequest,
    options: { signal?: AbortSignal | undefined },
  ): Promise<ModelResponse>;
}

/**
 * A model configuration: which provider and model, and how to build a client for it.
 * Implement it as a class: `runAgent` reads a plain object as a per-task map of configs.
 *
 * @example
 * ```ts
 * class EchoConfig implements AgentModelConfig {
 *   readonly provider = "echo";
 *   readonly model = "echo-1";
 *   createClient(): ModelClient {
 *     return { call: async () => ({ type: "ModelResponse", content: "echo" }) };
 *   }
 * }
 * ```
 */
export interface AgentModelConfig {
  readonly provider: string;
  readonly model: string;
  createClient(context?: ModelClientContext): ModelClient;
}

/**
 * True when `value` can serve as an {@link AgentModelConfig}.
 *
 * @example
 * ```ts
 * isAgentModelConfig(new TestConfig("hi")); // true
 * isAgentModelConfig({ t1: new TestConfig("hi") }); // false: a per-task map
 * ```
 */
export function isAgentModelConfig(value: unknown): value is AgentModelConfig {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<Record<keyof AgentModelConfig, unknown>>;
  return typeof record.createClient === "function" && typeof record.model === "string";
}
