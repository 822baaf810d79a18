import type { ErrorLimit } from "../args/error-limit.js";
import type { GateFailure } from "./gate-checks.js";

/**
 * Checks the `--max-errors` gate on a finished run. Without a limit, a run in which every task
 * errored still fails: nothing was graded, and exiting 0 would report it as a success.
 *
 * @example
 * ```ts
 * checkMaxErrors({ errors: 2, runs: 20, limit: { count: 0 } });
 * // [{ gate: "max-errors", reason: "2 of 20 task run(s) errored; the maximum is 0" }]
 * ```
 */
export function checkMaxErrors(options: {
  errors: number;
  runs: number;
  limit: ErrorLimit | null;
}): GateFailure[] {
  const { errors, runs, limit } = options;
  const what = `${errors} of ${runs} task run(s) errored`;
  if (limit === null) {
    if (runs === 0 || errors < runs) return [];
    return [
      {
        gate: "max-errors",
        reason: `${what}, so nothing was graded (pass --max-errors 100% to accept that)`,
      },
    ];
  }
  if ("count" in limit) {
    return errors > limit.count
      ? [{ gate: "max-errors", reason: `${what}; the maximum is ${limit.count}` }]
      : [];
  }
  const share = runs === 0 ? 0 : errors / runs;
  return share > limit.fraction
    ? [
        {
          gate: "max-errors",
          reason: `${what} (${(share * 100).toFixed(1)}%); the maximum is ${(limit.fraction * 100).toFixed(1)}%`,
        },
      ]
    : [];
}
