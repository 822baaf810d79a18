import { AG2GenAIConvention } from "./ag2-genai-convention.js";
import { AISDKConvention } from "./ai-sdk-convention.js";
import { OpenInferenceConvention } from "./open-inference-convention.js";
import type { SpanConvention } from "./span-convention.js";

/**
 * The conventions `spansToTrace` tries, in order: AG2/GenAI (our own spans and any GenAI
 * instrumentation, AI SDK 7 included), OpenInference, then the AI SDK's `ai.*` spans.
 *
 * @example
 * ```ts
 * spansToTrace(spans, { conventions: [myConvention, ...DEFAULT_CONVENTIONS] });
 * ```
 */
export const DEFAULT_CONVENTIONS: readonly SpanConvention[] = Object.freeze([
  AG2GenAIConvention,
  OpenInferenceConvention,
  AISDKConvention,
]);
