import type { VariantRunResult } from "@ag2/eval";
import { RunNeverSettledError } from "@ag2/eval/cli";
import { type CliIo, EXIT } from "../terminal/cli-io.js";
import { visibleText } from "../terminal/visible-text.js";
import { formatNotFinished, formatNotSaved, journalKept } from "./format-stop-reason.js";

/**
 * Prints, on stderr, what went wrong in a `variants` sweep beside its rankings: each variant
 * run's warnings (stray errors of agent code among them), each variant run that never
 * finished or was not saved, and a manifest that was not saved. Resolves to the exit code
 * those decide, as `run` would for one run: {@link EXIT.unfinished} when a variant run never
 * settled, else {@link EXIT.notSaved} when anything was not saved, else {@link EXIT.failed}
 * when a variant failed for another reason (its run locked by another writer, say), else 0. `runIds` maps
 * variant names to their run ids; `resume` says how to continue variant `name`'s run `runId`.
 *
 * @example
 * ```ts
 * return printSweepProblems({ sweep, io, runIds, resume: (runId) => `--resume ${runId}` });
 * ```
 */
export function printSweepProblems(options: {
  sweep: VariantRunResult;
  io: CliIo;
  runIds: ReadonlyMap<string, string>;
  resume: (runId: string, name: string) => string;
}): number {
  const { sweep, io, runIds, resume } = options;
  const write = (line: string) => io.stderr.write(`${line}\n`);
  let code: number = EXIT.ok;
  for (const [name, run] of sweep.results) {
    for (const warning of run.warnings) {
      write(`warning: variant ${visibleText(name)}: ${visibleText(warning)}`);
    }
  }
  for (const [name, run] of sweep.results) {
    if (!run.saveError) continue;
    const { runId, saveError } = run;
    write(formatNotSaved({ runId, saveError, resume: resume(runId, name) }));
    code = EXIT.notSaved;
  }
  if (sweep.saveError) {
    const why = `${visibleText(sweep.saveError.type)}: ${visibleText(sweep.saveError.message)}`;
    write(
      `error: the manifest of sweep ${visibleText(sweep.runId)} was NOT saved (${why}); its variant runs are listed above and in ag2-eval list`,
    );
    code = EXIT.notSaved;
  }
  let failed = false;
  for (const [name, failure] of sweep.failures) {
    // a failure is data (its error's name), not the error itself
    if (failure.type !== RunNeverSettledError.errorName) {
      const why = `${visibleText(failure.type)}: ${visibleText(failure.message)}`;
      write(
        `error: variant ${visibleText(name)} did not run (${why}); the others are ranked above`,
      );
      failed = true;
      continue;
    }
    const runId = runIds.get(name) ?? sweep.runId;
    const next = journalKept(resume(runId, name));
    write(formatNotFinished({ runId, message: failure.message, next }));
    code = EXIT.unfinished;
  }
  // a sweep missing a variant has not compared what it was asked to: never a success
  return failed && code === EXIT.ok ? EXIT.failed : code;
}
