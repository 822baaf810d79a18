/** Tokens an answer reports: what a hit saved. */
export interface AnswerUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * The token usage in a stored answer, read the way the common APIs report it: a JSON body's
 * `usage` (OpenAI's `prompt_tokens`/`completion_tokens`, Anthropic's and the Responses API's
 * `input_tokens`/`output_tokens`) or Gemini's `usageMetadata`; for a streamed (server-sent
 * events) answer, the largest count any event reports, since streams repeat or grow them.
 */
export function answerUsage(text: string, contentType: string | null): AnswerUsage {
  if (contentType?.includes("event-stream")) {
    let inputTokens = 0;
    let outputTokens = 0;
    for (const line of text.split("\n")) {
      if (!line.startsWith("data:")) continue;
      const usage = usageOf(parse(line.slice(5).trim()));
      inputTokens = Math.max(inputTokens, usage.inputTokens);
      outputTokens = Math.max(outputTokens, usage.outputTokens);
    }
    return { inputTokens, outputTokens };
  }
  return usageOf(parse(text));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function usageOf(body: unknown): AnswerUsage {
  const record = asRecord(body);
  // Anthropic streams put the usage on `message` in their first event
  const usage = asRecord(record.usage ?? asRecord(record.message).usage);
  const gemini = asRecord(record.usageMetadata);
  return {
    inputTokens: count(usage.prompt_tokens ?? usage.input_tokens ?? gemini.promptTokenCount),
    outputTokens: count(
      usage.completion_tokens ?? usage.output_tokens ?? gemini.candidatesTokenCount,
    ),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
