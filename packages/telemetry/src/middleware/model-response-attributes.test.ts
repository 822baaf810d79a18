import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { modelResponseAttributes } from "./model-response-attributes.js";

describe("modelResponseAttributes", () => {
  it("writes non-zero token counts, the cache write under both names, the cache mark, in a fixed order", () => {
    const attributes = modelResponseAttributes(
      {
        type: "ModelResponse",
        content: "hi",
        model: "m-2",
        provider: "acme",
        finishReason: "stop",
        cached: true,
        usage: {
          inputTokens: 7,
          outputTokens: 0,
          cacheReadInputTokens: 2,
          cacheCreationInputTokens: 3,
          thinkingTokens: 5,
        },
      },
      { capture: false, provider: undefined },
    );
    assert.deepEqual(Object.entries(attributes), [
      ["gen_ai.response.model", "m-2"],
      ["gen_ai.provider.name", "acme"],
      ["gen_ai.response.finish_reasons", ["stop"]],
      ["ag2.model.cache_hit", true],
      ["gen_ai.usage.input_tokens", 7],
      ["gen_ai.usage.cache_read.input_tokens", 2],
      ["gen_ai.usage.cache_write.input_tokens", 3],
      ["gen_ai.usage.cache_creation.input_tokens", 3],
      ["gen_ai.usage.reasoning.output_tokens", 5],
    ]);
  });

  it("keeps the request's provider, and writes the reply only when captured", () => {
    const response = { type: "ModelResponse" as const, content: "hi", provider: "acme" };
    assert.deepEqual(modelResponseAttributes(response, { capture: false, provider: "p" }), {});
    const captured = modelResponseAttributes(response, { capture: true, provider: "p" });
    assert.deepEqual(Object.keys(captured), ["gen_ai.output.messages"]);
  });
});
