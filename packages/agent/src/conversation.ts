import type { HumanMessage, Middleware, ModelCallRequest } from "@ag2/eval-core";
import type { ChatMessage, TurnResult } from "@ag2/eval-core/internal";
import { runHook } from "@ag2/eval-core/internal";
import type { z } from "zod";
import {
  HumanInputUnavailableError,
  MaxStepsExceededError,
  ResponseValidationError,
} from "./agent-errors.js";
import type { AgentReply, ContinueOptions } from "./agent-reply.js";
import { executeTool, toolOutcomeText } from "./execute-tool.js";
import type { ModelClient } from "./model-config.js";
import { parseStructured } from "./structured-output.js";
import type { Tool, ToolContext } from "./tool.js";

/**
 * Answers a tool's request for human input.
 *
 * @example
 * ```ts
 * const humanInput: HumanInputHandler = async (prompt) => (await rl.question(`${prompt} `)).trim();
 * ```
 */
export type HumanInputHandler = (
  prompt: string,
  options: { signal?: AbortSignal | undefined },
) => string | Promise<string>;

/** Everything one `ask` and its continuations share: fixed when the first turn starts. */
export interface Conversation {
  readonly agentName: string;
  readonly provider: string;
  readonly model: string;
  readonly client: ModelClient;
  readonly middleware: readonly Middleware[];
  readonly tools: readonly Tool[];
  readonly responseSchema?: z.ZodType | undefined;
  readonly responseJsonSchema?: Readonly<Record<string, unknown>> | undefined;
  readonly maxSteps: number;
  readonly retries: number;
  readonly humanInput?: HumanInputHandler | undefined;
}

/**
 * Runs one turn (the `onTurn` hook around the model ↔ tool loop) on top of `history` and
 * returns a reply whose `ask` continues from the turn's end with the same conversation.
 */
export async function runTurn<Value>(
  conversation: Conversation,
  history: readonly ChatMessage[],
  input: string,
  signal: AbortSignal | undefined,
): Promise<AgentReply<Value>> {
  const messages = [...history];
  const result = await runHook(
    conversation.middleware,
    "onTurn",
    {
      agentName: conversation.agentName,
      input,
      provider: conversation.provider,
      model: conversation.model,
    },
    async (request) => {
      messages.push({ role: "user", content: request.input });
      return loop(conversation, messages, signal);
    },
  );
  const snapshot = Object.freeze([...messages]);
  return {
    content: result.content,
    value: (result.value ?? null) as Value | null,
    messages: snapshot,
    ask: (followUp: string, options?: ContinueOptions) =>
      runTurn<Value>(conversation, snapshot, followUp, options?.signal ?? signal),
  };
}

async function loop(
  conversation: Conversation,
  messages: ChatMessage[],
  signal: AbortSignal | undefined,
): Promise<TurnResult> {
  const { middleware, client, responseSchema } = conversation;
  const tools = conversation.tools.map((candidate) => candidate.definition);
  const context = toolContext(conversation, signal);
  let retriesLeft = conversation.retries;
  for (let step = 0; step < conversation.maxSteps; step++) {
    signal?.throwIfAborted();
    const request: ModelCallRequest = {
      messages: [...messages],
      tools,
      provider: conversation.provider,
      model: conversation.model,
      responseSchema: conversation.responseJsonSchema,
    };
    const response = await runHook(middleware, "onModelCall", request, (changed) =>
      client.call(changed, { signal }),
    );
    const toolCalls = response.toolCalls ?? [];
    messages.push({
      role: "assistant",
      content: response.content,
      toolCalls: toolCalls.length > 0 ? toolCalls : undefined,
    });
    if (toolCalls.length > 0) {
      // One at a time, so the trace's event order is the order the model asked for.
      for (const call of toolCalls) {
        signal?.throwIfAborted();
        const outcome = await runHook(middleware, "onToolExecution", call, (changed) =>
          executeTool(changed, conversation.tools, context),
        );
        messages.push({
          role: "tool",
          content: toolOutcomeText(outcome),
          toolCallId: call.id,
          name: call.name,
        });
      }
      continue;
    }
    if (!responseSchema) return { content: response.content, value: null };
    const parsed = parseStructured(response.content, responseSchema);
    if (parsed.ok) return { content: response.content, value: parsed.value };
    if (retriesLeft <= 0) {
      throw new ResponseValidationError(
        conversation.agentName,
        parsed.issues,
        response.content ?? "",
        conversation.retries + 1,
      );
    }
    retriesLeft--;
    messages.push({ role: "user", content: retryPrompt(parsed.issues) });
  }
  throw new MaxStepsExceededError(conversation.agentName, conversation.maxSteps);
}

function retryPrompt(issues: readonly string[]): string {
  return (
    "Your reply does not match the required JSON schema:\n" +
    issues.map((issue) => `- ${issue}`).join("\n") +
    "\nReply again with only the corrected JSON."
  );
}

function toolContext(conversation: Conversation, signal: AbortSignal | undefined): ToolContext {
  return {
    signal,
    askHuman: async (prompt) => {
      const answer = await runHook(
        conversation.middleware,
        "onHumanInput",
        { type: "HumanInputRequest", prompt, createdAt: Date.now() },
        async (request): Promise<HumanMessage> => {
          const handler = conversation.humanInput;
          if (!handler)
            throw new HumanInputUnavailableError(conversation.agentName, request.prompt);
          const content = await handler(request.prompt, { signal });
          return { type: "HumanMessage", content, createdAt: Date.now() };
        },
      );
      return answer.content;
    },
  };
}
