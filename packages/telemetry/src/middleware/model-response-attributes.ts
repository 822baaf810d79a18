import type { ModelResponse } from "@ag2/eval-core";
import type { Attributes } from "@opentelemetry/api";
import { outputMessagesJson } from "../conventions/genai-messages.js";
import { ATTR } from "../conventions/semconv.js";

/**
 * The attributes a model response adds to its `chat` span. Token counts are written only
 * when non-zero (as AG2's Python implementation does), the cache-write count under both its new and its
 * older name, and the reply itself only when content capture is on and there is one.
 */
export function modelResponseAttributes(
  response: ModelResponse,
  options: { capture: boolean; provider: string | undefined },
): Attributes {
  const attributes: Attributes = {};
  if (response.model) attributes[ATTR.responseModel] = response.model;
  if (!options.provider && response.provider) attributes[ATTR.providerName] = response.provider;
  if (response.finishReason) attributes[ATTR.finishReasons] = [response.finishReason];
  if (response.cached) attributes[ATTR.cacheHit] = true;
  // key by key, not from a table of [keys, value] pairs: this runs for every model call
  const usage = response.usage;
  if (usage) {
    if (usage.inputTokens) attributes[ATTR.inputTokens] = usage.inputTokens;
    if (usage.outputTokens) attributes[ATTR.outputTokens] = usage.outputTokens;
    if (usage.cacheReadInputTokens) attributes[ATTR.cacheReadTokens] = usage.cacheReadInputTokens;
    if (usage.cacheCreationInputTokens) {
      attributes[ATTR.cacheWriteTokens] = usage.cacheCreationInputTokens;
      attributes[ATTR.cacheCreationTokens] = usage.cacheCreationInputTokens;
    }
    if (usage.thinkingTokens) attributes[ATTR.reasoningTokens] = usage.thinkingTokens;
  }
  const hasReply = response.content !== null || (response.toolCalls?.length ?? 0) > 0;
  if (options.capture && hasReply) attributes[ATTR.outputMessages] = outputMessagesJson(response);
  return attributes;
}
