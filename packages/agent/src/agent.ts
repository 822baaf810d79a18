import type { AskOptions, Agent as CoreAgent, Middleware } from "@ag2/eval-core";
import type { ChatMessage } from "@ag2/eval-core/internal";
import type { z } from "zod";
import {
  AgentOptionsError,
  InvalidModelConfigError,
  MissingModelConfigError,
} from "./agent-errors.js";
import type { AgentReply } from "./agent-reply.js";
import { type HumanInputHandler, runTurn } from "./conversation.js";
import { jsonSchemaOf } from "./json-schema-of.js";
import { type AgentModelConfig, isAgentModelConfig } from "./model-config.js";
import type { Tool } from "./tool.js";

/**
 * The options of {@link Agent}.
 *
 * @example
 * ```ts
 * const options: AgentOptions = { name: "helper", instructions: "Be brief.", maxSteps: 5 };
 * ```
 */
export interface AgentOptions<Value = unknown> {
  readonly name: string;
  /** The system message. */
  readonly instructions?: string | undefined;
  readonly tools?: readonly Tool[] | undefined;
  /** The model config; a per-call `ask(input, { config })` overrides it. */
  readonly config?: AgentModelConfig | undefined;
  /** When set, the final answer must be JSON matching this schema (see {@link AgentReply.value}). */
  readonly responseSchema?: z.ZodType<Value> | undefined;
  /** The most model calls one turn may make, validation retries included. Default 10. */
  readonly maxSteps?: number | undefined;
  /** How many times to re-ask the model after an answer fails `responseSchema`. Default 1. */
  readonly retries?: number | undefined;
  /** Runs around every call, before (outside) the middleware passed to `ask`. */
  readonly middleware?: readonly Middleware[] | undefined;
  /** Answers tools that call `context.askHuman(prompt)`. */
  readonly humanInput?: HumanInputHandler | undefined;
}

/**
 * A small reference agent: a model ↔ tool loop that passes every model call, tool execution
 * and human input through the middleware hooks, with optional structured output.
 *
 * @example
 * ```ts
 * const agent = new Agent({
 *   name: "weather",
 *   instructions: "Answer with the weather.",
 *   tools: [getWeather],
 *   config: new TestConfig({ name: "get_weather", arguments: { city: "Tokyo" } }, "Tokyo is sunny."),
 * });
 * const reply = await agent.ask("Weather in Tokyo?");
 * reply.content; // "Tokyo is sunny."
 * ```
 */
export class Agent<Value = unknown> implements CoreAgent {
  readonly name: string;
  readonly instructions: string | undefined;
  readonly tools: readonly Tool[];
  readonly config: AgentModelConfig | undefined;
  readonly responseSchema: z.ZodType<Value> | undefined;
  readonly maxSteps: number;
  readonly retries: number;
  readonly middleware: readonly Middleware[];
  readonly humanInput: HumanInputHandler | undefined;
  readonly #responseJsonSchema: Readonly<Record<string, unknown>> | undefined;

  constructor(options: AgentOptions<Value>) {
    this.name = options.name;
    this.instructions = options.instructions;
    this.tools = [...(options.tools ?? [])];
    this.config = options.config;
    this.responseSchema = options.responseSchema;
    this.maxSteps = checkCount(options.name, "maxSteps", options.maxSteps ?? 10, 1);
    this.retries = checkCount(options.name, "retries", options.retries ?? 1, 0);
    this.middleware = [...(options.middleware ?? [])];
    this.humanInput = options.humanInput;
    checkToolNames(options.name, this.tools);
    if (options.responseSchema) {
      this.#responseJsonSchema = jsonSchemaOf(options.responseSchema);
    }
  }

  /**
   * Answers `input`. `options.middleware` runs inside the agent's own; `options.config`
   * replaces the agent's config for this call and its continuations.
   */
  async ask(input: string, options: AskOptions = {}): Promise<AgentReply<Value>> {
    // Checked before any hook runs, so a missing config opens no span.
    const config = options.config ?? this.config;
    if (config === undefined || config === null) throw new MissingModelConfigError(this.name);
    if (!isAgentModelConfig(config)) throw new InvalidModelConfigError(this.name, config);
    const history: ChatMessage[] = this.instructions
      ? [{ role: "system", content: this.instructions }]
      : [];
    const conversation = {
      agentName: this.name,
      provider: config.provider,
      model: config.model,
      client: config.createClient({ task: options.task, fetch: options.fetch }),
      middleware: [...this.middleware, ...(options.middleware ?? [])],
      tools: this.tools,
      responseSchema: this.responseSchema,
      responseJsonSchema: this.#responseJsonSchema,
      maxSteps: this.maxSteps,
      retries: this.retries,
      humanInput: this.humanInput,
    };
    return runTurn<Value>(conversation, history, input, options.signal);
  }
}

function checkCount(agentName: string, field: string, value: number, min: number): number {
  if (Number.isInteger(value) && value >= min) return value;
  throw new AgentOptionsError(
    `agent "${agentName}": ${field} must be an integer >= ${min}; got ${String(value)}`,
  );
}

function checkToolNames(agentName: string, tools: readonly Tool[]): void {
  const seen = new Set<string>();
  for (const candidate of tools) {
    if (seen.has(candidate.name)) {
      throw new AgentOptionsError(
        `agent "${agentName}": tools must have unique names; got "${candidate.name}" twice`,
      );
    }
    seen.add(candidate.name);
  }
}
