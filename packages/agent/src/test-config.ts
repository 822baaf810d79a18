import type { ModelCallRequest, ModelResponse } from "@ag2/eval-core";
import type { AgentModelConfig, ModelClient } from "./model-config.js";
import { checkElement, type ScriptedReply, toModelResponse } from "./scripted-response.js";
import { TestConfigExhaustedError } from "./test-config-errors.js";

/**
 * A scripted model for offline, deterministic runs: each model call gets the next element of
 * the cassette. Every `ask` starts a fresh client that replays from the first element; a
 * continuation (`reply.ask`) keeps the same client, so it goes on where the turn stopped.
 *
 * Elements: a string (a text answer), a tool call `{ name, arguments, id? }` or an array of
 * them, a full `{ type: "ModelResponse", ... }` (e.g. with `usage`), or a function of the
 * request returning one of those.
 *
 * @example
 * ```ts
 * const config = new TestConfig(
 *   { name: "get_weather", arguments: { city: "Tokyo" } },
 *   "Tokyo is sunny.",
 * );
 * const reply = await new Agent({ name: "weather", tools: [getWeather], config }).ask("Tokyo?");
 * ```
 */
export class TestConfig implements AgentModelConfig {
  readonly provider: string;
  readonly model: string;
  readonly responses: readonly ScriptedReply[];
  /** Every request any of this config's clients received, in call order. */
  readonly requests: ModelCallRequest[] = [];

  constructor(...responses: ScriptedReply[]) {
    for (const [index, element] of responses.entries()) checkElement(element, index + 1);
    this.responses = responses;
    this.provider = "test";
    this.model = "test-model";
  }

  /**
   * The same cassette under another provider or model name (for span attributes and
   * per-model reports).
   *
   * @example
   * ```ts
   * new TestConfig("hi").withModel({ model: "gpt-4o-mini" }).model; // "gpt-4o-mini"
   * ```
   */
  withModel(names: { provider?: string; model?: string }): TestConfig {
    const copy = new TestConfig(...this.responses);
    Object.assign(copy, {
      provider: names.provider ?? this.provider,
      model: names.model ?? this.model,
    });
    return copy;
  }

  createClient(): ModelClient {
    let position = 0;
    let callNumber = 0;
    const nextId = () => `call_${++callNumber}`;
    return {
      call: async (request, options): Promise<ModelResponse> => {
        options.signal?.throwIfAborted();
        this.requests.push(request);
        const reply = this.responses[position];
        if (reply === undefined) throw new TestConfigExhaustedError(this.responses.length);
        position++;
        const defaults = { provider: this.provider, model: this.model };
        // Fixed elements were checked by the constructor; a function's result is checked now.
        if (typeof reply !== "function") return toModelResponse(reply, nextId, defaults);
        const element = await reply(request);
        checkElement(element, position);
        return toModelResponse(element, nextId, defaults);
      },
    };
  }
}
