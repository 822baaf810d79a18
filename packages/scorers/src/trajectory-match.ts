import { type Scorer, scorer } from "@ag2/eval-core";
import { deepEqual, partialMatch } from "./internal/deep-equal.js";
import { describeCall, type ParsedCall, toolCallsOf } from "./internal/tool-calls.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

/** One expected tool call: a name, or a name with arguments. */
export type ExpectedToolCall = string | { readonly name: string; readonly args?: unknown };

/** How arguments are compared; an expected step without `args` never checks them. */
export type ArgsComparison =
  | "ignore"
  | "exact"
  | "subset"
  | ((expected: unknown, actual: unknown) => boolean);

/** Options of {@link trajectoryMatch}. */
export interface TrajectoryMatchOptions {
  /**
   * `strict`: the same calls in the same order; `unordered`: the same calls in any order;
   * `subset`: every call the agent made is among the expected ones (nothing extra);
   * `superset`: every expected call was made (extra calls allowed). Default `strict`.
   */
  readonly mode?: "strict" | "unordered" | "subset" | "superset";
  /** Default `ignore`. `subset`: the expected arguments are a partial object of the actual ones. */
  readonly args?: ArgsComparison;
  readonly key?: string;
}

/** Kuhn's augmenting paths: a maximum matching of expected steps to distinct actual calls. */
function maxMatching(rows: number, cols: number, fits: (row: number, col: number) => boolean) {
  const colOwner = new Array<number>(cols).fill(-1);
  const tryRow = (row: number, seen: boolean[]): boolean => {
    for (let col = 0; col < cols; col++) {
      if (seen[col] || !fits(row, col)) continue;
      seen[col] = true;
      const owner = colOwner[col] ?? -1;
      if (owner === -1 || tryRow(owner, seen)) {
        colOwner[col] = row;
        return true;
      }
    }
    return false;
  };
  for (let row = 0; row < rows; row++) tryRow(row, new Array<boolean>(cols).fill(false));
  const rowMatched = new Array<boolean>(rows).fill(false);
  for (const owner of colOwner) if (owner >= 0) rowMatched[owner] = true;
  return { rowMatched, colMatched: colOwner.map((owner) => owner >= 0) };
}

/**
 * Compares the tool calls in the trace with an expected trajectory. Key `trajectory_match`;
 * boolean score; on failure the comment shows the first mismatch, e.g.
 * `step 2: expected search({"q":"paris"}), got lookup({"id":3})` or
 * `expected call not made: refund`.
 *
 * Use when the path matters as much as the answer (a required lookup before a write, no
 * forbidden tools). Avoid when any reasonable path is fine; grade the outcome with
 * {@link finalAnswerMatches} or {@link agentJudge}, or require a single tool with
 * {@link toolCalled}.
 *
 * @example
 * ```ts
 * const scorers = [
 *   trajectoryMatch(["search", { name: "book", args: { city: "Paris" } }], { mode: "superset", args: "subset" }),
 * ];
 * ```
 */
export function trajectoryMatch(
  expected: readonly ExpectedToolCall[],
  options: TrajectoryMatchOptions = {},
): Scorer {
  const key = options.key ?? "trajectory_match";
  const mode = options.mode ?? "strict";
  const argsMode = options.args ?? "ignore";
  if (!["strict", "unordered", "subset", "superset"].includes(mode)) {
    throw new ScorerOptionsError(
      `trajectoryMatch(): mode got ${JSON.stringify(mode)}, expected "strict", "unordered", "subset" or "superset"`,
    );
  }
  const steps = expected.map((step) => (typeof step === "string" ? { name: step } : step));
  const show = (step: { name: string; args?: unknown }): string =>
    describeCall(step.name, argsMode === "ignore" ? undefined : step.args);
  const fits = (step: { name: string; args?: unknown }, call: ParsedCall): boolean => {
    if (step.name !== call.name) return false;
    if (argsMode === "ignore" || step.args === undefined) return true;
    if (argsMode === "exact") return deepEqual(step.args, call.args);
    if (argsMode === "subset") return partialMatch(step.args, call.args);
    return argsMode(step.args, call.args);
  };
  return scorer(
    ({ trace }) => {
      const calls = toolCallsOf(trace);
      const detail = { mode, expected: steps.map((s) => s.name), actual: calls.map((c) => c.name) };
      let mismatch: string | null = null;
      if (mode === "strict") {
        const n = Math.max(steps.length, calls.length);
        for (let i = 0; i < n && mismatch === null; i++) {
          const step = steps[i];
          const call = calls[i];
          if (step && call && fits(step, call)) continue;
          const want = step ? show(step) : "no more calls";
          const got = call ? describeCall(call.name, call.args) : "no call";
          mismatch = `step ${i + 1}: expected ${want}, got ${got}`;
        }
      } else {
        const { rowMatched, colMatched } = maxMatching(steps.length, calls.length, (r, c) =>
          fits(steps[r] as { name: string }, calls[c] as ParsedCall),
        );
        const missingStep = steps.findIndex((_, i) => !rowMatched[i]);
        const extraCall = calls.findIndex((_, i) => !colMatched[i]);
        const needAllSteps = mode === "unordered" || mode === "superset";
        const needAllCalls = mode === "unordered" || mode === "subset";
        if (needAllSteps && missingStep >= 0) {
          mismatch = `expected call not made: ${show(steps[missingStep] as { name: string })}`;
        } else if (needAllCalls && extraCall >= 0) {
          const call = calls[extraCall] as ParsedCall;
          mismatch = `unexpected call ${extraCall + 1}: ${describeCall(call.name, call.args)}`;
        }
      }
      return { key, score: mismatch === null, comment: mismatch ?? undefined, detail };
    },
    { key },
  );
}
