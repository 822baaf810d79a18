import type {
  HumanInputRequest,
  HumanMessage,
  ModelResponse,
  ToolCall,
  ToolErrorEvent,
  ToolResultEvent,
} from "../trace/trace-events.js";

/** One message of a chat conversation, in a provider-neutral shape. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant" | "tool";
  readonly content: string | null;
  /** On assistant messages: the tools the model asked for. */
  readonly toolCalls?: readonly ToolCall[] | undefined;
  /** On tool messages: the id of the call this message answers. */
  readonly toolCallId?: string | undefined;
  /** On tool messages: the tool's name. */
  readonly name?: string | undefined;
}

/** A tool as the model sees it: name, description and a JSON Schema of its parameters. */
export interface ToolDefinition {
  readonly name: string;
  readonly description?: string | undefined;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One agent turn: what the agent was asked and by whom. */
export interface TurnRequest {
  readonly agentName: string;
  readonly input: string;
  /** Provider and model of the agent's config, when known (for span attributes). */
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
}

/** A turn's outcome: the final text (or null) and, for structured output, the parsed value. */
export interface TurnResult {
  readonly content: string | null;
  readonly value?: unknown;
}

/** One call to the model. */
export interface ModelCallRequest {
  readonly messages: readonly ChatMessage[];
  readonly tools: readonly ToolDefinition[];
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  /** A JSON Schema the reply must follow, when the agent asks for structured output. */
  readonly responseSchema?: Readonly<Record<string, unknown>> | undefined;
}

/** One tool execution: the call the model made. */
export type ToolExecutionRequest = ToolCall;

/** A tool's outcome: a result, or an error the agent handled and reported back to the model. */
export type ToolExecutionResult = ToolResultEvent | ToolErrorEvent;

/** A hook in onion style: do work, call `next` (possibly with a changed request), return. */
export type Hook<TRequest, TResult> = (
  request: TRequest,
  next: (request: TRequest) => Promise<TResult>,
) => Promise<TResult>;

/**
 * Observes or changes what an agent does. Every hook is optional and wraps the next one:
 * the first middleware in the list sees a call first and its result last. Agents call
 * `onTurn` around a whole `ask`, `onModelCall` around each model call, `onToolExecution`
 * around each tool and `onHumanInput` when they ask a person.
 *
 * @example
 * ```ts
 * const logging: Middleware = {
 *   onModelCall: async (request, next) => {
 *     const response = await next(request);
 *     console.log(response.content);
 *     return response;
 *   },
 * };
 * ```
 */
export interface Middleware {
  readonly onTurn?: Hook<TurnRequest, TurnResult>;
  readonly onModelCall?: Hook<ModelCallRequest, ModelResponse>;
  readonly onToolExecution?: Hook<ToolExecutionRequest, ToolExecutionResult>;
  readonly onHumanInput?: Hook<HumanInputRequest, HumanMessage>;
}

/** The name of a middleware hook. */
export type HookName = keyof Middleware;

type HookTypes = {
  onTurn: [TurnRequest, TurnResult];
  onModelCall: [ModelCallRequest, ModelResponse];
  onToolExecution: [ToolExecutionRequest, ToolExecutionResult];
  onHumanInput: [HumanInputRequest, HumanMessage];
};

/**
 * Runs `final` wrapped by the named hook of every middleware, first middleware outermost.
 * Agents use this so that each of their steps passes through the whole chain.
 *
 * @example
 * ```ts
 * const response = await runHook(middleware, "onModelCall", request, (r) => model.call(r));
 * ```
 */
export function runHook<K extends HookName>(
  middleware: readonly Middleware[],
  hook: K,
  request: HookTypes[K][0],
  final: (request: HookTypes[K][0]) => Promise<HookTypes[K][1]>,
): Promise<HookTypes[K][1]> {
  type Fn = (request: HookTypes[K][0]) => Promise<HookTypes[K][1]>;
  let next: Fn = final;
  for (let index = middleware.length - 1; index >= 0; index--) {
    const handler = middleware[index]?.[hook] as Hook<HookTypes[K][0], HookTypes[K][1]> | undefined;
    if (!handler) continue;
    const inner = next;
    next = (value) => handler(value, inner);
  }
  return next(request);
}
