import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ChatMessage } from "@ag2/eval-core/internal";
import { inputMessagesJson, outputMessagesJson, readOutputMessage } from "./genai-messages.js";

// Texts that JSON escapes in every way it can: quotes, backslashes, controls, a lone
// surrogate (well-formed JSON.stringify writes it as \udXXX), line separators, emoji.
const TEXTS = ["", "plain", 'say "hi"\\', "a\nb\tc\u0000", "\ud800 lone", "\u2028\u2029", "é😀"];

function textParts(content: unknown) {
  return [{ type: "text", content }];
}

describe("GenAI message JSON", () => {
  it("writes text messages byte for byte as stringifying the role + parts structure would", () => {
    for (const content of TEXTS) {
      const messages: ChatMessage[] = [
        { role: "system", content: "be brief" },
        { role: "user", content },
        { role: "assistant", content, toolCalls: [] },
      ];
      assert.equal(
        inputMessagesJson(messages),
        JSON.stringify(messages.map((m) => ({ role: m.role, parts: textParts(m.content) }))),
      );
      assert.equal(
        outputMessagesJson({ content }),
        JSON.stringify([{ role: "assistant", parts: textParts(content) }]),
      );
      assert.equal(
        outputMessagesJson({ content, finishReason: "stop" }),
        JSON.stringify([{ role: "assistant", parts: textParts(content), finish_reason: "stop" }]),
      );
    }
    assert.equal(inputMessagesJson([]), "[]");
  });

  it("writes tool calls, tool responses and null content as typed parts", () => {
    const call = { id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' };
    const messages: ChatMessage[] = [
      { role: "user", content: "Weather?" },
      { role: "assistant", content: null, toolCalls: [call] },
      { role: "tool", content: "sunny", toolCallId: "c1" },
    ];
    assert.equal(
      inputMessagesJson(messages),
      '[{"role":"user","parts":[{"type":"text","content":"Weather?"}]},' +
        '{"role":"assistant","parts":[{"type":"tool_call","id":"c1","name":"get_weather","arguments":{"city":"Oslo"}}]},' +
        '{"role":"tool","parts":[{"type":"tool_call_response","id":"c1","response":"sunny"}]}]',
    );
    assert.equal(
      outputMessagesJson({ content: "ok", toolCalls: [call], finishReason: "tool_calls" }),
      '[{"role":"assistant","parts":[{"type":"text","content":"ok"},{"type":"tool_call","id":"c1","name":"get_weather","arguments":{"city":"Oslo"}}],"finish_reason":"tool_calls"}]',
    );
  });

  it("reads back what it wrote, for plain text and for every other shape", () => {
    for (const content of TEXTS) {
      assert.deepEqual(readOutputMessage(outputMessagesJson({ content })), {
        content,
        toolCalls: [],
      });
    }
    const call = { id: "c1", name: "f", arguments: '{"a":1}' };
    assert.deepEqual(readOutputMessage(outputMessagesJson({ content: "x", toolCalls: [call] })), {
      content: "x",
      toolCalls: [call],
    });
  });

  it("does not take a two-part or malformed document for a single text part", () => {
    const start = '[{"role":"assistant","parts":[{"type":"text","content":';
    const twoParts = `${start}"a"},{"type":"text","content":"b"}]}]`;
    assert.deepEqual(readOutputMessage(twoParts), { content: "ab", toolCalls: [] });
    assert.deepEqual(readOutputMessage(`${start}"a","x":1}]}]`), { content: "a", toolCalls: [] });
    assert.deepEqual(readOutputMessage(`${start}"a}]}]`), { content: null, toolCalls: [] });
    assert.deepEqual(readOutputMessage(`${start}null}]}]`), { content: null, toolCalls: [] });
  });
});
