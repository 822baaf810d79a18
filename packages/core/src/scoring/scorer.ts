import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";
import type { Feedback } from "./feedback.js";

/**
 * What the agent produced, taken from the last model response: `body` is its text,
 * `content` the text parsed as JSON when it parses (else the text again). Empty when
 * there was no answer.
 */
export interface Outputs {
  readonly body?: string;
  readonly content?: unknown;
}

/** Everything a scorer may read about one graded task. */
export interface ScorerContext {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Outputs;
  readonly referenceOutputs: Readonly<Record<string, unknown>> | null;
  readonly trace: Trace;
  readonly task: Task;
}

/** What a scorer function may return; anything else is a {@link ScorerReturnTypeError}. */
export type ScorerReturn =
  | boolean
  | number
  | string
  | Feedback
  | readonly Feedback[]
  | null
  | undefined;

/** A scorer function, sync or async. */
export type ScorerFn = (context: ScorerContext) => ScorerReturn | Promise<ScorerReturn>;

/**
 * Which way a numeric score is better: `"higher"` (the default: accuracy, judge scores) or
 * `"lower"` (latency, cost, tokens). Pass/fail scores are always better when they pass.
 */
export type ScoreDirection = "higher" | "lower";

/**
 * A named grading step. `score` never throws for a failing scorer function: the error
 * becomes a feedback with `score: null` and the comment `scorer raised: <Type>: <message>`.
 * It rejects only with a {@link ScorerReturnTypeError}; the grading core records that, or
 * anything a hand-written scorer throws, the same way, as this scorer's feedback on that task.
 * `direction` applies to every numeric score it returns: comparisons, verdicts and rankings
 * read a smaller value as better when it is `"lower"`, and run files record it per key.
 */
export interface Scorer {
  readonly key: string;
  readonly direction?: ScoreDirection | undefined;
  score(context: ScorerContext): Promise<Feedback[]>;
}

/** A scorer function returned something that is not a grade. */
export class ScorerReturnTypeError extends Ag2EvalError {
  static override readonly errorName: string = "ScorerReturnTypeError";
}

const FEEDBACK_KEYS = new Set(["key", "score", "value", "comment", "detail"]);

function isFeedback(value: unknown): value is Feedback {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.key !== "string") return false;
  if (!Object.keys(record).every((key) => FEEDBACK_KEYS.has(key))) return false;
  const score = record.score;
  return (
    score === undefined || score === null || typeof score === "boolean" || typeof score === "number"
  );
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/**
 * A NaN or infinite score would poison every mean and ranking it reaches; it becomes "no
 * signal" with a comment naming what came back, ahead of any comment the scorer gave.
 */
export function finiteScore(feedback: Feedback): Feedback {
  const { score } = feedback;
  if (typeof score !== "number" || Number.isFinite(score)) return feedback;
  const note = `scorer returned ${String(score)}`;
  const comment = feedback.comment ? `${note}; ${feedback.comment}` : note;
  return { ...feedback, score: null, comment };
}

/**
 * Normalizes what a scorer function returned into a list of feedback, as the reference does.
 * A non-finite numeric score (NaN, ±Infinity) becomes `score: null` with a comment saying so.
 *
 * @example
 * ```ts
 * normalizeScorerReturn("acc", Number.NaN); // [{ key: "acc", score: null, comment: "scorer returned NaN" }]
 * ```
 */
export function normalizeScorerReturn(key: string, returned: unknown): Feedback[] {
  if (returned === null || returned === undefined) return [];
  if (typeof returned === "boolean" || typeof returned === "number") {
    return [finiteScore({ key, score: returned })];
  }
  if (typeof returned === "string") return [{ key, value: returned }];
  if (Array.isArray(returned)) {
    returned.forEach((item, index) => {
      if (!isFeedback(item)) {
        throw new ScorerReturnTypeError(
          `scorer '${key}' returned list[...] with non-Feedback at index ${index}: got ${typeName(item)}`,
        );
      }
    });
    return (returned as Feedback[]).map(finiteScore);
  }
  if (isFeedback(returned)) return [finiteScore(returned)];
  throw new ScorerReturnTypeError(
    `scorer '${key}' returned unsupported type ${typeName(returned)}; expected boolean, number, string, Feedback, Feedback[], null or undefined`,
  );
}

/**
 * Wraps a function as a {@link Scorer}. The function receives one context object
 * `{ inputs, outputs, referenceOutputs, trace, task }`; a boolean return is pass/fail, a
 * number a numeric grade, a string a categorical value, a Feedback (or a list) is kept as is.
 *
 * @param options.key - the feedback key; defaults to the function's name, else `"scorer"`.
 * @param options.direction - `"lower"` when a smaller numeric score is better (a duration, a
 *   cost); default `"higher"`.
 * @example
 * ```ts
 * const mentionsParis = scorer(({ outputs }) => String(outputs.body).includes("Paris"), {
 *   key: "mentions_paris",
 * });
 * const steps = scorer(({ trace }) => trace.events.length, { key: "steps", direction: "lower" });
 * ```
 */
export function scorer(
  fn: ScorerFn,
  options: { key?: string; direction?: ScoreDirection } = {},
): Scorer {
  const key = options.key ?? (fn.name || "scorer");
  const { direction } = options;
  if (direction !== undefined && direction !== "higher" && direction !== "lower") {
    throw new InvalidOptionError(
      "direction",
      `scorer '${key}': option 'direction' must be "higher" or "lower"; got ${JSON.stringify(direction)}`,
    );
  }
  const now = (context: ScorerContext): Feedback[] | Promise<Feedback[]> => {
    let returned: unknown;
    try {
      returned = fn(context);
    } catch (error) {
      return scorerRaised(key, error);
    }
    // what `await` would wait for; a plain value is graded without a promise
    let thenable: boolean;
    try {
      thenable = isThenable(returned);
    } catch (error) {
      // a `then` getter that throws: what awaiting the value would have raised
      return scorerRaised(key, error);
    }
    return thenable
      ? settle(key, returned as PromiseLike<unknown>)
      : normalizeScorerReturn(key, returned);
  };
  const score = async (context: ScorerContext): Promise<Feedback[]> => now(context);
  SCORE_NOW.set(score, now);
  return direction === undefined ? { key, score } : { key, direction, score };
}

/**
 * `score` functions made by {@link scorer}, each mapped to the same grading without its
 * promise: the grading core calls that one and awaits only what a scorer function really
 * returned as a promise (three promises fewer per scorer and task). Keyed by the function, not
 * the scorer object, so a copy that replaces `score` is called through its own `score`.
 */
const SCORE_NOW = new WeakMap<
  Scorer["score"],
  (context: ScorerContext) => Feedback[] | Promise<Feedback[]>
>();

/**
 * Grades with `scorer`: a plain list when its function answered without a promise, else the
 * promise of one. Rejects (or throws) exactly where `scorer.score` would reject.
 */
export function scoreNow(
  scorer: Scorer,
  context: ScorerContext,
): readonly Feedback[] | Promise<readonly Feedback[]> {
  const now = SCORE_NOW.get(scorer.score);
  return now ? now(context) : scorer.score(context);
}

/** What `await` treats as a promise: an object or function with a callable `then` (may throw, as reading `then` can). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    ((typeof value === "object" && value !== null) || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * The feedback of a scorer that failed on a task: `score: null` and the comment
 * `scorer raised: <Type>: <message>`. The other scorers' feedback on that task stays.
 *
 * @example
 * ```ts
 * scorerRaised("judge", new TypeError("offline"));
 * // [{ key: "judge", score: null, comment: "scorer raised: TypeError: offline" }]
 * ```
 */
export function scorerRaised(key: string, error: unknown): Feedback[] {
  const info = toErrorInfo(error);
  return [{ key, score: null, comment: `scorer raised: ${info.type}: ${info.message}` }];
}

async function settle(key: string, pending: PromiseLike<unknown>): Promise<Feedback[]> {
  let returned: unknown;
  try {
    returned = await pending;
  } catch (error) {
    return scorerRaised(key, error);
  }
  return normalizeScorerReturn(key, returned);
}
