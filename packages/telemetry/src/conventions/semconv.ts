/**
 * Attribute names: the ones {@link TelemetryMiddleware} writes (the newest GenAI semantic
 * conventions, plus `ag2.*`), and the alias chains the converter reads so spans written under
 * older conventions (or by AG2's Python implementation) still convert. GenAI conventions are still
 * "Development" upstream and keep renaming keys, hence our own copy instead of importing
 * `@opentelemetry/semantic-conventions/incubating`.
 *
 * @example
 * ```ts
 * span.attributes[ATTR.operationName]; // "chat"
 * ```
 */
export const ATTR = {
  spanType: "ag2.span.type",
  operationName: "gen_ai.operation.name",
  agentName: "gen_ai.agent.name",
  providerName: "gen_ai.provider.name",
  requestModel: "gen_ai.request.model",
  responseModel: "gen_ai.response.model",
  finishReasons: "gen_ai.response.finish_reasons",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  cacheReadTokens: "gen_ai.usage.cache_read.input_tokens",
  cacheWriteTokens: "gen_ai.usage.cache_write.input_tokens",
  /** Written beside `cache_write` until the GenAI repository releases the rename. */
  cacheCreationTokens: "gen_ai.usage.cache_creation.input_tokens",
  reasoningTokens: "gen_ai.usage.reasoning.output_tokens",
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
  toolDefinitions: "gen_ai.tool.definitions",
  toolName: "gen_ai.tool.name",
  toolCallId: "gen_ai.tool.call.id",
  toolType: "gen_ai.tool.type",
  toolArguments: "gen_ai.tool.call.arguments",
  toolResult: "gen_ai.tool.call.result",
  /** True on a `chat` span whose answer a model cache gave (no model was called). */
  cacheHit: "ag2.model.cache_hit",
  humanPrompt: "ag2.human_input.prompt",
  humanResponse: "ag2.human_input.response",
  errorType: "error.type",
  taskId: "ag2.eval.task_id",
  runId: "ag2.eval.run_id",
} as const;

/**
 * Values of `ag2.span.type`, as AG2's Python implementation writes them.
 *
 * @example
 * ```ts
 * span.attributes[ATTR.spanType] === SPAN_TYPE.tool;
 * ```
 */
export const SPAN_TYPE = {
  agent: "agent",
  llm: "llm",
  tool: "tool",
  humanInput: "human_input",
} as const;

/**
 * Read chains: the first attribute present wins. Newest name first, then the older spellings
 * (semconv ≤1.27 `prompt_tokens`, AG2 Python's underscore names, Mastra's `reasoning_tokens`).
 *
 * @example
 * ```ts
 * firstAttribute(span.attributes, ALIASES.inputTokens);
 * ```
 */
export const ALIASES = {
  provider: ["gen_ai.provider.name", "gen_ai.system"],
  model: ["gen_ai.response.model", "gen_ai.request.model"],
  inputTokens: ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"],
  outputTokens: ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"],
  cacheReadTokens: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"],
  cacheCreationTokens: [
    "gen_ai.usage.cache_write.input_tokens",
    "gen_ai.usage.cache_creation.input_tokens",
    "gen_ai.usage.cache_creation_input_tokens",
  ],
  thinkingTokens: [
    "gen_ai.usage.reasoning.output_tokens",
    "gen_ai.usage.reasoning_tokens",
    "gen_ai.usage.thinking_tokens",
  ],
  toolArguments: ["gen_ai.tool.call.arguments"],
  toolResult: ["gen_ai.tool.call.result"],
} as const;

/** Operation names that mean "one call to a model". */
export const MODEL_OPERATIONS: ReadonlySet<string> = new Set([
  "chat",
  "text_completion",
  "generate_content",
]);

/** Operation names of spans that only give structure (agents, workflows, AI SDK 7 steps). */
export const STRUCTURE_OPERATIONS: ReadonlySet<string> = new Set([
  "invoke_agent",
  "invoke_workflow",
  "create_agent",
  "agent_step",
  "plan",
]);
