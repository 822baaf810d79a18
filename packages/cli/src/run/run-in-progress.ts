import type { Stream } from "@ag2/eval";
import { journalKept } from "../output/format-stop-reason.js";
import { EXIT } from "../terminal/cli-io.js";
import { visibleText } from "../terminal/visible-text.js";

/** The run going on in this process and what to do should it not finish, or null: what the exit guard reports. */
let current: { readonly runId: string; readonly next: string; readonly code: string } | null = null;

/**
 * Marks a run as going on until `end()`: should the process exit meanwhile (agent or scorer
 * code calling `process.exit()`, or nothing left that could settle the run), the exit guard
 * turns the exit code into {@link EXIT.unfinished} and says the run did not finish, then
 * `next`: what to do about it (default: its journal is kept, `--resume <runId>`). `code` says
 * whose code runs inside it, for the line about `process.exit()`.
 *
 * @example
 * ```ts
 * const run = runInProgress(runId);
 * try { await runAgent(...); } finally { run.end(); }
 * ```
 */
export function runInProgress(
  runId: string,
  next = journalKept(`--resume ${runId}`),
  code = "agent or scorer code",
): { end(): void } {
  const marked = { runId, next, code };
  current = marked;
  return {
    end() {
      if (current === marked) current = null;
    },
  };
}

/**
 * Marks each run published on `stream` as going on from its `EvalStarted` to its
 * `EvalCompleted` (see {@link runInProgress}): for commands that run several runs in turn
 * (`variants`), so an exit in the middle names the run it interrupted. `resume` says how to
 * continue a run, whose journal is kept (`variant`: the last `VariantStarted`'s, or null).
 * `runIds` maps each variant's name to its run's id; `stop()` ends the tracking.
 *
 * @example
 * ```ts
 * const tracked = trackRunsInProgress(stream, (runId) => `--resume ${runId}`);
 * try { await runVariants(suite, { ...options, stream }); } finally { tracked.stop(); }
 * ```
 */
export function trackRunsInProgress(
  stream: Stream,
  resume: (runId: string, variant: string | null) => string,
): { readonly runIds: ReadonlyMap<string, string>; stop(): void } {
  let running: { end(): void } | null = null;
  let variant: string | null = null;
  const runIds = new Map<string, string>();
  const unsubscribe = stream.subscribe((event) => {
    if (event.type === "VariantStarted") variant = event.variant;
    else if (event.type === "EvalStarted") {
      if (variant !== null) runIds.set(variant, event.runId);
      running = runInProgress(event.runId, journalKept(resume(event.runId, variant)));
    } else if (event.type === "EvalCompleted") running?.end();
  });
  return {
    runIds,
    stop() {
      unsubscribe();
      running?.end();
    },
  };
}

/**
 * Installs the exit guard once per process (the bin does). A run cannot look finished when it
 * was not: any exit while a run goes on, other than the CLI's own 130 for a second Ctrl-C,
 * exits {@link EXIT.unfinished} with one line naming the run to resume.
 */
export function guardExitDuringRun(stderr: { write(text: string): unknown }): void {
  process.on("exit", (code) => {
    if (current === null || code === EXIT.interrupted) return;
    // Node's own code for a top-level await left pending by an event loop with nothing to do
    const drained = process.exitCode === 13;
    const why = drained
      ? "work never settled and nothing was left to wait for"
      : `process.exit(${code}) was called while it ran (${current.code})`;
    process.exitCode = EXIT.unfinished;
    stderr.write(
      `error: run ${visibleText(current.runId)} did not finish: ${why}; ${current.next}\n`,
    );
  });
}
