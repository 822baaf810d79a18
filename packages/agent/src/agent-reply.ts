import type { ChatMessage } from "@ag2/eval-core/internal";

/**
 * Options of a continuation ({@link AgentReply.ask}).
 *
 * @example
 * ```ts
 * await reply.ask("And tomorrow?", { signal: AbortSignal.timeout(30_000) });
 * ```
 */
export interface ContinueOptions {
  /** Replaces the original call's signal for this turn. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What {@link Agent.ask} resolves to: the final text, the validated structured value, the
 * whole conversation, and `ask` to continue it.
 *
 * @example
 * ```ts
 * const reply = await agent.ask("Weather in Tokyo?");
 * console.log(reply.content);
 * const next = await reply.ask("And in Paris?"); // same conversation, middleware and config
 * ```
 */
export interface AgentReply<Value = unknown> {
  /** The model's final text, or null when it gave none. */
  readonly content: string | null;
  /** With a `responseSchema`: the validated value (null for an empty answer). Else null. */
  readonly value: Value | null;
  /** The conversation so far, system message first. */
  readonly messages: readonly ChatMessage[];
  /**
   * Continues the conversation with a follow-up. Uses the same model client, middleware and
   * config as the call that produced this reply, so the new turn is traced like the first.
   */
  ask(followUp: string, options?: ContinueOptions): Promise<AgentReply<Value>>;
}
