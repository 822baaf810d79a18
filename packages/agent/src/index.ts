export type { AgentOptions } from "./agent.js";
export { Agent } from "./agent.js";
export {
  AgentOptionsError,
  HumanInputUnavailableError,
  InvalidModelConfigError,
  MaxStepsExceededError,
  MissingModelConfigError,
  ResponseValidationError,
} from "./agent-errors.js";
export type { AgentReply, ContinueOptions } from "./agent-reply.js";
export type { HumanInputHandler } from "./conversation.js";
export type { CachedFetch, ModelCacheMode, ModelCacheOptions } from "./model-cache.js";
export { createCachedFetch, ModelCache } from "./model-cache.js";
export {
  ModelCacheEntryError,
  ModelCacheMissError,
  ModelCacheOptionsError,
} from "./model-cache-errors.js";
export {
  cacheSampleHeaders,
  isCachedFetch,
  MODEL_CACHE_SAMPLE_HEADER,
  MODEL_CACHE_STATUS_HEADER,
  repeatIndex,
} from "./model-cache-headers.js";
export type { ModelCacheSavings, ModelCacheStats } from "./model-cache-stats.js";
export type { AgentModelConfig, ModelClient, ModelClientContext } from "./model-config.js";
export { isAgentModelConfig } from "./model-config.js";
export {
  ModelConnectionError,
  ModelHTTPError,
  ModelResponseFormatError,
  ModelTimeoutError,
} from "./model-errors.js";
export type { OpenAICompatibleConfigOptions } from "./openai-compatible-config.js";
export { OpenAICompatibleConfig } from "./openai-compatible-config.js";
export type {
  ScriptedElement,
  ScriptedModelResponse,
  ScriptedReply,
  ScriptedToolCall,
} from "./scripted-response.js";
export type { StructuredOutput } from "./structured-output.js";
export { parseStructured } from "./structured-output.js";
export { TestConfig } from "./test-config.js";
export { TestConfigElementError, TestConfigExhaustedError } from "./test-config-errors.js";
export type { Tool, ToolContext, ToolOptions } from "./tool.js";
export { tool } from "./tool.js";
export { ToolArgumentsError, UnknownToolError } from "./tool-errors.js";
