import { toErrorInfo } from "../trace/to-error-info.js";
import { withDeadline } from "../util/with-deadline.js";
import type { Tracing } from "./tracing.js";

/** How long a run waits for its tracing's last flush before it reports and moves on. */
export const FLUSH_TIMEOUT_MS = 10_000;

/**
 * Flushes `tracing` after a run's last task and returns the warnings it reports, plus one
 * for a flush that failed or outlasted `timeoutMs`: a slow or broken exporter never holds a
 * run's result back for long, and never loses it.
 *
 * @example
 * ```ts
 * warnings.push(...(await flushTracing(options.tracing, { reported: perTaskWarnings })));
 * ```
 */
export async function flushTracing(
  tracing: Tracing,
  options: {
    /** What the run's tasks already reported: the same failure is not listed twice. */
    readonly reported?: Iterable<readonly string[] | undefined>;
    readonly timeoutMs?: number;
  } = {},
): Promise<readonly string[]> {
  if (typeof tracing.flush !== "function") return [];
  const timeoutMs = options.timeoutMs ?? FLUSH_TIMEOUT_MS;
  const seen = new Set<string>();
  for (const warnings of options.reported ?? []) for (const w of warnings ?? []) seen.add(w);
  const flushed = Promise.resolve()
    .then(() => tracing.flush?.())
    .then(
      (warnings) => warnings ?? [],
      (error: unknown) => {
        const info = toErrorInfo(error);
        return [`tracing flush failed: ${info.type}: ${info.message}`];
      },
    );
  const warnings = await withDeadline(flushed, timeoutMs, () => [
    `tracing flush did not finish within ${timeoutMs} ms; later failures reach only its onWarning`,
  ]);
  return warnings.filter((warning) => !seen.has(warning));
}
