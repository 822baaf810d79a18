import { type Scorer, scorer } from "@ag2/eval-core";
import { partialMatch } from "./internal/deep-equal.js";
import { describeCall, toolCallsOf } from "./internal/tool-calls.js";

/** A check of one call's parsed arguments: a predicate, or a partial object they must contain. */
export type ArgsExpectation = ((args: unknown) => boolean) | Readonly<Record<string, unknown>>;

/**
 * Passes when a call to tool `name` has matching arguments: the predicate returns true, or the
 * arguments (parsed from JSON) contain every key of the partial object with an equal value
 * (recursively). With `match: "all"`, every call to the tool must match. Key
 * `tool_args_match[<name>]`; boolean score; false with `tool '<name>' was not called` when the
 * tool never ran. A predicate that throws gives score null (`scorer raised: …`).
 *
 * Use when the tool must be called with specific values (the right account id, a date range).
 * Avoid when the sequence of calls matters; use {@link trajectoryMatch} with `args`.
 *
 * @example
 * ```ts
 * const scorers = [toolArgsMatch("book_flight", { to: "CDG" }), toolArgsMatch("search", (a) => String((a as { q: string }).q).length > 3)];
 * ```
 */
export function toolArgsMatch(
  name: string,
  expectation: ArgsExpectation,
  options: { match?: "any" | "all"; key?: string } = {},
): Scorer {
  const key = options.key ?? `tool_args_match[${name}]`;
  const check =
    typeof expectation === "function"
      ? expectation
      : (args: unknown) => partialMatch(expectation, args);
  return scorer(
    ({ trace }) => {
      const calls = toolCallsOf(trace).filter((call) => call.name === name);
      if (calls.length === 0)
        return { key, score: false, comment: `tool '${name}' was not called` };
      const results = calls.map((call) => check(call.args));
      const ok = options.match === "all" ? results.every(Boolean) : results.some(Boolean);
      const badIndex = results.indexOf(false);
      const firstBad = calls[badIndex];
      const comment = ok
        ? undefined
        : options.match === "all" && firstBad
          ? `call ${badIndex + 1} of ${calls.length} did not match: ${describeCall(name, firstBad.args)}`
          : `no call matched; first: ${describeCall(name, calls[0]?.args)}`;
      return {
        key,
        score: ok,
        comment,
        detail: { calls: calls.length, matched: results.filter(Boolean).length },
      };
    },
    { key },
  );
}
