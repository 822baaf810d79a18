import { type ModelCallRequest, type ScriptedModelResponse, TestConfig } from "@ag2/eval";
import { OPERATIONS } from "./calculate.js";

const QUESTION = new RegExp(`(-?\\d+)\\s+(${OPERATIONS.join("|")})\\s+(-?\\d+)`);

const lastMessage = (request: ModelCallRequest, role: string): string =>
  String(request.messages.filter((message) => message.role === role).at(-1)?.content ?? "");

/** First turn: a question it can parse becomes a tool call; any other is guessed. */
function readQuestion(request: ModelCallRequest): ScriptedModelResponse {
  const match = QUESTION.exec(lastMessage(request, "user"));
  // made-up but fixed token counts, so the summary and token budgets have numbers
  const usage = { inputTokens: 90, outputTokens: 14 };
  if (!match) return { type: "ModelResponse", content: "I believe it is 42.", usage };
  const [, a, op, b] = match;
  return {
    type: "ModelResponse",
    content: null,
    toolCalls: [{ name: "calculate", arguments: { a: Number(a), op, b: Number(b) } }],
    usage,
  };
}

/** Second turn: the answer read from the tool's result, or the tool's error passed on. */
function answerFromTool(request: ModelCallRequest): ScriptedModelResponse {
  const text = lastMessage(request, "tool");
  const usage = { inputTokens: 130, outputTokens: 10 };
  let result: unknown;
  try {
    result = (JSON.parse(text) as { result?: unknown }).result;
  } catch {
    result = undefined;
  }
  const content =
    typeof result === "number"
      ? `The answer is ${result}.`
      : `I could not work it out: ${text.replace(/^(?:Error: )+/, "")}`;
  return { type: "ModelResponse", content, usage };
}

/**
 * The offline model: a function of the conversation, so every run, shard and machine gets
 * the same replies. It parses "a <op> b" questions and calls `calculate`; it cannot read
 * powers, roots or numbers in words, and guesses those (the suite's failing tasks).
 *
 * @example
 * ```ts
 * const agent = new Agent({ name: "calculator", tools: [calculate], config: scriptedModel() });
 * ```
 */
export function scriptedModel(): TestConfig {
  return new TestConfig(readQuestion, answerFromTool);
}
