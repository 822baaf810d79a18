import { EXIT } from "../terminal/cli-io.js";
import { visibleText } from "../terminal/visible-text.js";

/** The id of the run going on in this process, or null: what the exit guard reports. */
let current: string | null = null;

/**
 * Marks a run as going on until `end()`: should the process exit meanwhile (agent or scorer
 * code calling `process.exit()`, or nothing left that could settle the run), the exit guard
 * turns the exit code into {@link EXIT.unfinished} and says the run did not finish.
 *
 * @example
 * ```ts
 * const run = runInProgress(runId);
 * try { await runAgent(...); } finally { run.end(); }
 * ```
 */
export function runInProgress(runId: string): { end(): void } {
  current = runId;
  return {
    end() {
      if (current === runId) current = null;
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
      : `process.exit(${code}) was called while it ran (agent or scorer code)`;
    process.exitCode = EXIT.unfinished;
    const runId = visibleText(current);
    stderr.write(
      `error: run ${runId} did not finish: ${why}; finished tasks are kept in its journal, continue with --resume ${runId}\n`,
    );
  });
}
