import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { MAX_RUN_ID_LENGTH, runIdProblem } from "../run-file/run-id.js";
import type { Scorer } from "../scoring/scorer.js";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "Object"})`;
  return `${typeof value} ${String(value)}`;
}

/** The scorers as a list, each checked to have a string `key` and a `score` method. */
export function checkScorers(scorers: unknown, caller: string): Scorer[] {
  if (scorers === undefined || scorers === null) return [];
  if (
    typeof (scorers as Iterable<unknown>)[Symbol.iterator] !== "function" ||
    typeof scorers === "string"
  ) {
    throw new InvalidOptionError(
      "scorers",
      `${caller}: option 'scorers' must be an iterable of scorers; got ${describe(scorers)}`,
    );
  }
  const list = [...(scorers as Iterable<unknown>)];
  list.forEach((item, index) => {
    const candidate = item as Partial<Scorer> | null;
    if (!candidate || typeof candidate.key !== "string" || typeof candidate.score !== "function") {
      throw new InvalidOptionError(
        "scorers",
        `${caller}: scorers[${index}] must be a Scorer ({ key: string, score(context) }), e.g. built with scorer(fn, { key }); got ${describe(item)}`,
      );
    }
  });
  return list as Scorer[];
}

/** `concurrency` as a positive integer (the reference's `max(1, n)`); 4 when absent. */
export function checkConcurrency(concurrency: unknown, caller: string): number {
  if (concurrency === undefined || concurrency === null) return 4;
  if (typeof concurrency !== "number" || !Number.isFinite(concurrency)) {
    throw new InvalidOptionError(
      "concurrency",
      `${caller}: option 'concurrency' must be a finite number; got ${describe(concurrency)}`,
    );
  }
  return Math.max(1, Math.floor(concurrency));
}

/** The given run id after checking it can name a file, or a fresh 32-hex id. */
export function checkRunId(runId: unknown, caller: string): string {
  if (runId === undefined || runId === null) return crypto.randomUUID().replaceAll("-", "");
  const problem = typeof runId === "string" ? runIdProblem(runId) : "it is not a string";
  if (problem !== null || typeof runId !== "string") {
    throw new InvalidOptionError(
      "runId",
      `${caller}: option 'runId' must be usable as a file name (1-${MAX_RUN_ID_LENGTH} characters from [A-Za-z0-9._#:@+=-], not starting with '.', without '..'), but ${problem}; got ${describe(runId)}`,
    );
  }
  return runId;
}

/** A label or variant: a string, or null when absent or empty. */
export function checkName(value: unknown, option: string, caller: string): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") {
    throw new InvalidOptionError(
      option,
      `${caller}: option '${option}' must be a string; got ${describe(value)}`,
    );
  }
  return value;
}

/** How long one scorer call may take when `scorerTimeoutMs` is not given: room for an LLM judge. */
export const DEFAULT_SCORER_TIMEOUT_MS = 300_000;

/** Checks `scorerTimeoutMs`: a positive number of milliseconds a timer can hold. */
export function checkScorerTimeout(value: unknown, caller: string): number {
  return checkTimeoutMs(value, { option: "scorerTimeoutMs", caller });
}

/**
 * Checks a per-call deadline option (`scorerTimeoutMs`, `comparatorTimeoutMs`): a positive
 * number of milliseconds a timer can hold, {@link DEFAULT_SCORER_TIMEOUT_MS} when absent.
 */
export function checkTimeoutMs(
  value: unknown,
  context: { option: string; caller: string },
): number {
  const { option, caller } = context;
  if (value === undefined) return DEFAULT_SCORER_TIMEOUT_MS;
  if (typeof value === "number" && value > 0 && value < 2 ** 31) return value;
  throw new InvalidOptionError(
    option,
    `${caller}: option '${option}' must be a positive number of milliseconds below 2^31; got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`,
  );
}
