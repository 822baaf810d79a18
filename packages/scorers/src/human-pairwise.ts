import {
  Ag2EvalError,
  type PairwiseComparator,
  type PairwiseWinner,
  type Task,
  type Trace,
} from "@ag2/eval-core";
import { lineReaderFor } from "./internal/line-reader.js";
import { seededRandom } from "./internal/seeded-random.js";
import { finalText } from "./internal/trace-text.js";

/** Asks a person which response is better: `"1"`, `"2"` or `"tie"` (anything else is a tie). */
export type HumanAsk = (
  task: Task,
  response1: string,
  response2: string,
) => string | Promise<string>;

/**
 * The terminal ran out of input before a person answered (stdin closed or not a terminal).
 * Recorded on the pair being compared, like any comparator failure.
 *
 * @example
 * ```ts
 * if (HumanInputClosedError.isInstance(error)) console.error("run it in a terminal, or pass ask");
 * ```
 */
export class HumanInputClosedError extends Ag2EvalError {
  static override readonly errorName: string = "HumanInputClosedError";
}

/** Where the terminal prompt reads and writes; the process's stdin and stdout by default. */
export interface HumanTerminal {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

function terminalAsk(terminal: HumanTerminal | undefined): HumanAsk {
  return async (task, response1, response2) => {
    const io = terminal ?? { input: process.stdin, output: process.stdout };
    const input = task.inputs.input === undefined ? "" : String(task.inputs.input);
    io.output.write(`Task: ${input}\n[1] ${response1}\n[2] ${response2}\nBetter (1/2/tie): `);
    const answer = await lineReaderFor(io.input).next();
    if (answer === null) {
      throw new HumanInputClosedError(
        `humanPairwise: input ended before an answer for task ${task.taskId}; ` +
          "run it in a terminal, pass `ask`, or export the cases with exportPairwiseCases",
      );
    }
    return answer.trim() || "tie";
  };
}

/**
 * Blinds a pair: draws which variant is shown first and orders the two final answers that way
 * (Response 1, Response 2). {@link deblind} maps the choice back.
 */
export function blindPair(
  random: () => number,
  traceA: Trace,
  traceB: Trace,
): { firstVariant: "a" | "b"; response1: string; response2: string } {
  const firstVariant = random() < 0.5 ? "a" : "b";
  const textA = finalText(traceA) ?? "(no answer)";
  const textB = finalText(traceB) ?? "(no answer)";
  const [response1, response2] = firstVariant === "a" ? [textA, textB] : [textB, textA];
  return { firstVariant, response1, response2 };
}

/** Maps a blinded choice back to a variant. */
export function deblind(preferred: unknown, firstVariant: "a" | "b"): PairwiseWinner {
  const choice = String(preferred ?? "").trim();
  if (choice === "1") return firstVariant;
  if (choice === "2") return firstVariant === "a" ? "b" : "a";
  return "tie";
}

/**
 * A human comparator: shows a person the two final answers in a random (blinded) order and
 * maps their choice back to A or B. `ask` is called with the task and Response 1 / Response 2;
 * without it, the person is asked on the terminal (`terminal`, default stdin/stdout; an empty
 * answer is a tie, and input that ends first is a {@link HumanInputClosedError} on that pair).
 * `detail` = `{ preferred, first_variant }`.
 * `seed` makes the blinding order repeatable here; it does not reproduce Python's
 * `random.Random(seed)` order (this uses mulberry32).
 *
 * Use when a person's preference is the ground truth (or to calibrate {@link pairwiseJudge}).
 * Avoid when there are more than a handful of cases or no one at the terminal; export them
 * with {@link exportPairwiseCases} and read the labels back with {@link humanLabels}.
 *
 * @example
 * ```ts
 * const human = humanPairwise({ key: "human", ask: async (task, r1, r2) => (r1.length < r2.length ? "1" : "2") });
 * ```
 */
export function humanPairwise(options: {
  key: string;
  ask?: HumanAsk;
  seed?: number | null;
  terminal?: HumanTerminal;
}): PairwiseComparator {
  const random = seededRandom(options.seed);
  const ask = options.ask ?? terminalAsk(options.terminal);
  return {
    key: options.key,
    async compare({ task, traceA, traceB }) {
      const { firstVariant, response1, response2 } = blindPair(random, traceA, traceB);
      const preferred = await ask(task, response1, response2);
      return {
        winner: deblind(preferred, firstVariant),
        reasoning: "human (inline)",
        detail: { preferred, first_variant: firstVariant },
      };
    },
  };
}
