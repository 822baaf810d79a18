import type { StopReason } from "@ag2/eval";
import { visibleText } from "../terminal/visible-text.js";

const BUDGETS: Readonly<
  Record<StopReason["budget"], { what: string; flag: string; amount: (value: number) => string }>
> = {
  tokens: { what: "token", flag: "--max-tokens", amount: (value) => String(value) },
  costUsd: {
    what: "cost",
    flag: "--max-cost-usd",
    amount: (value) => `$${Number(value.toPrecision(4))}`,
  },
  durationMs: {
    what: "time",
    flag: "--max-duration",
    amount: (value) => `${Number((value / 1000).toFixed(1))}s`,
  },
};

/**
 * The line `ag2-eval run` prints when a run-wide budget stopped the run: which budget, how
 * much was used of the limit, and how to finish the run.
 *
 * @example
 * ```ts
 * formatStopReason({ reason: { budget: "tokens", limit: 10000, used: 10234 }, runId: "abc" });
 * // "stopped: token budget reached (used 10234 of 10000); resume with --resume abc and a higher --max-tokens"
 * ```
 */
export function formatStopReason(options: { reason: StopReason; runId: string }): string {
  const { reason, runId } = options;
  const budget = BUDGETS[reason.budget] ?? {
    what: reason.budget,
    flag: "budget",
    amount: String,
  };
  return (
    `stopped: ${budget.what} budget reached (used ${budget.amount(reason.used)} of ` +
    `${budget.amount(reason.limit)}); resume with --resume ${runId} and a higher ${budget.flag}`
  );
}

/**
 * The line `ag2-eval run` (and `variants`, per variant run) prints when the run finished but
 * the store could not save it. `resume` is how to save it later (default `--resume <runId>`).
 *
 * @example
 * ```ts
 * formatNotSaved({ runId: "abc", saveError: { type: "Error", message: "ENOSPC" } });
 * // "error: run abc finished but was NOT saved (Error: ENOSPC); its journal is kept: …"
 * ```
 */
export function formatNotSaved(options: {
  runId: string;
  saveError: { readonly type: string; readonly message: string };
  resume?: string;
}): string {
  const { runId, saveError } = options;
  // the store's message can carry any text (a path, a value the writer choked on)
  const why = `${visibleText(saveError.type)}: ${visibleText(saveError.message)}`;
  return (
    `error: run ${visibleText(runId)} finished but was NOT saved (${why}); ` +
    `no gate was checked; its journal is kept: fix the store, then ${visibleText(options.resume ?? `--resume ${runId}`)} saves it`
  );
}

/**
 * What to do about a run that did not finish and kept its journal: `resume` is how to
 * continue it (`--resume <id>`, or a whole command).
 *
 * @example
 * ```ts
 * journalKept("--resume abc"); // "finished tasks are kept in its journal; continue with --resume abc"
 * ```
 */
export function journalKept(resume: string): string {
  return `finished tasks are kept in its journal; continue with ${visibleText(resume)}`;
}

/**
 * The lines printed when a run can never finish (core's `RunNeverSettledError`): its message,
 * then what to do (`next`, default {@link journalKept} with `--resume <runId>`).
 *
 * @example
 * ```ts
 * formatNotFinished({ runId: "abc", message: "run abc can never finish: …" });
 * // "error: run abc can never finish: …\nfinished tasks are kept in its journal; continue with --resume abc"
 * ```
 */
export function formatNotFinished(options: {
  runId: string;
  message: string;
  next?: string;
}): string {
  const next = options.next ?? journalKept(`--resume ${options.runId}`);
  return `error: ${visibleText(options.message)}\n${next}`;
}
