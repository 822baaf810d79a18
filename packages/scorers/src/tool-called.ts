import { type Scorer, scorer } from "@ag2/eval-core";

/**
 * Passes when the agent called the tool `name`: at least once, or exactly `exactly` times.
 * Key `tool_called[<name>]`; boolean score; `detail.count` holds the number of calls.
 *
 * Use when a task needs a specific tool (a lookup that must not be answered from memory).
 * Avoid when the order or arguments of the calls matter; use {@link trajectoryMatch} or
 * {@link toolArgsMatch} instead.
 *
 * @example
 * ```ts
 * const scorers = [toolCalled("search"), toolCalled("checkout", { exactly: 1 })];
 * ```
 */
export function toolCalled(name: string, options: { exactly?: number } = {}): Scorer {
  const key = `tool_called[${name}]`;
  return scorer(
    ({ trace }) => {
      const count = trace.eventsOf("ToolCallEvent", { name }).length;
      const ok = options.exactly === undefined ? count >= 1 : count === options.exactly;
      return { key, score: ok, detail: { count, exactly: options.exactly ?? null } };
    },
    { key },
  );
}
