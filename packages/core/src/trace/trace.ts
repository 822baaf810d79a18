import { type TokenUsage, tokenUsage } from "./token-usage.js";
import type { ErrorInfo, TraceEvent, TraceEventOf, TraceEventType } from "./trace-events.js";

/** What a {@link Trace} is built from: its fields (each has a default), and stored totals. */
export interface TraceInit extends Partial<Pick<Trace, "events" | "exception" | "durationMs">> {
  /**
   * Token totals to report when the events are not available, e.g. a run loaded from a file
   * that stores totals but not events. Ignored when the trace has model responses.
   */
  readonly tokens?: TokenUsage;
}

/**
 * A read-only view of one agent run: the events it produced, in order, the exception that
 * ended it (if any) and how long it took. Scorers grade traces; every trace is rebuilt the
 * same way whether it comes from a live run or from stored spans.
 *
 * @example
 * ```ts
 * const trace = new Trace({ events: [{ type: "ModelResponse", content: "Paris" }], durationMs: 12 });
 * trace.eventsOf("ModelResponse").length; // 1
 * ```
 */
export class Trace {
  readonly events: readonly TraceEvent[];
  /** Set when the run crashed; keeps the original error's type and message. */
  readonly exception: ErrorInfo | null;
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number;
  readonly #storedTokens: TokenUsage | undefined;
  // the events are frozen: totals computed once serve grading, budgets, aggregates and files
  #tokens: TokenUsage | undefined;

  constructor(init: TraceInit = {}) {
    this.events = Object.freeze([...(init.events ?? [])]);
    this.exception = init.exception ?? null;
    this.durationMs = init.durationMs ?? 0;
    this.#storedTokens = init.tokens;
  }

  /** Token totals over the model responses (other events carry no usage). */
  get tokens(): TokenUsage {
    this.#tokens ??= this.#countTokens();
    return this.#tokens;
  }

  #countTokens(): TokenUsage {
    if (this.#storedTokens && !this.events.some((event) => event.type === "ModelResponse")) {
      return this.#storedTokens;
    }
    let input = 0;
    let output = 0;
    let cacheCreation = 0;
    let cacheRead = 0;
    for (const event of this.events) {
      if (event.type !== "ModelResponse" || !event.usage) continue;
      input += event.usage.inputTokens ?? 0;
      output += event.usage.outputTokens ?? 0;
      cacheCreation += event.usage.cacheCreationInputTokens ?? 0;
      cacheRead += event.usage.cacheReadInputTokens ?? 0;
    }
    // frozen: every reader of this trace shares the one object
    return Object.freeze(tokenUsage({ input, output, cacheCreation, cacheRead }));
  }

  /**
   * The events of one type, in order; with `name`, only those whose `name` equals it.
   * `"ToolResultEvent"` includes tool errors, as a tool error is a kind of tool result.
   */
  eventsOf<T extends TraceEventType>(
    type: T,
    options: { name?: string } = {},
  ): readonly TraceEventOf<T>[] {
    const matches = (event: TraceEvent): boolean =>
      event.type === type || (type === "ToolResultEvent" && event.type === "ToolErrorEvent");
    return this.events.filter(
      (event) =>
        matches(event) &&
        (options.name === undefined || ("name" in event && event.name === options.name)),
    ) as TraceEventOf<T>[];
  }
}

/**
 * `trace` with its exception replaced (a scorer or the task's deadline failed it): events and
 * token totals stay; `durationMs` stays unless given.
 */
export function withException(trace: Trace, exception: ErrorInfo, durationMs?: number): Trace {
  return new Trace({
    events: trace.events,
    exception,
    durationMs: durationMs ?? trace.durationMs,
    tokens: trace.tokens,
  });
}
