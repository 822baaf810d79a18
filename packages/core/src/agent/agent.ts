import type { Task } from "../suite/task.js";
import type { Middleware } from "./middleware.js";

/**
 * A model configuration, opaque to core (the agent package defines real ones). In a
 * `modelConfig` option, a plain object or a `Map` is read as a per-task map
 * (task id → config); any other object (a class instance) is one config for every task.
 */
export type ModelConfig = object;

/** What `runAgent` passes to {@link Agent.ask}. */
export interface AskOptions {
  /** Middleware to run around every turn, model call and tool; tracing adds its own here. */
  readonly middleware?: readonly Middleware[];
  /** Per-task model config; overrides the agent's own when set. */
  readonly config?: ModelConfig | undefined;
  /** Aborted when the task times out or the run is cancelled. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The tracing implementation's native tracer for this task (an OpenTelemetry `Tracer` with
   * `otelTracing()`), for agents that emit their own spans, e.g. with the Vercel AI SDK.
   */
  readonly tracer?: unknown;
  /**
   * The task being run (a repeat carries its `<id>#n` id), for agents that key something by
   * it, e.g. the sample number a model cache keeps repeats apart by.
   */
  readonly task?: Task | undefined;
  /**
   * The `fetch` this run's model calls should go through, when the run gives one (a model
   * cache's, for `ag2-eval run --cache`). Agents that call a model over HTTP pass it to their
   * client or SDK; agents that don't may ignore it.
   */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * Anything `runAgent` can evaluate: a name and an `ask` that answers one input. The value
 * `ask` resolves to is used as the output when the trace holds no model response, so a plain
 * function wrapped as an agent can be graded too.
 *
 * @example
 * ```ts
 * const echo: Agent = { name: "echo", ask: async (input) => input.toUpperCase() };
 * ```
 */
export interface Agent {
  readonly name: string;
  ask(input: string, options?: AskOptions): Promise<unknown>;
}

/** What an {@link AgentFactory} receives for each task. */
export interface AgentFactoryContext {
  /** The per-task model config, or undefined when none was given for this task. */
  readonly config: ModelConfig | undefined;
  readonly task: Task;
  /** See {@link AskOptions.tracer}. */
  readonly tracer?: unknown;
  /** See {@link AskOptions.fetch}. */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * Builds a fresh agent for each task (and repeat). Use a factory when the agent keeps state
 * between calls, or when it must be built with the per-task config or tracer.
 *
 * @example
 * ```ts
 * const factory: AgentFactory = ({ config }) => new Agent({ name: "helper", config });
 * ```
 */
export type AgentFactory = (context: AgentFactoryContext) => Agent | Promise<Agent>;
