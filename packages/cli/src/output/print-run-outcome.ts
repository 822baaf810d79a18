import type { RunResult } from "@ag2/eval";
import { formatGateOutcome, type GateOutcome } from "../gates/evaluate-gates.js";
import { type CliIo, EXIT } from "../terminal/cli-io.js";
import { colors } from "../terminal/colors.js";
import { visibleJson, visibleText } from "../terminal/visible-text.js";
import { formatErrorCount } from "./format-error-count.js";
import { formatFailingTasks } from "./format-failing-tasks.js";
import { formatModelCacheLine, type ModelCacheReport } from "./format-model-cache.js";
import { visibleRun } from "./visible-run.js";

/**
 * Prints a finished run (summary, failing tasks, where it was saved, gates), or with `json`
 * one JSON document `{ run, savedTo, gates }`; resolves to the exit code the gates decide.
 *
 * @example
 * ```ts
 * return printRunOutcome({ result, gates, io, json: false, savedTo: savedLocation(store, result.runId) });
 * ```
 */
export function printRunOutcome(options: {
  result: RunResult;
  gates: GateOutcome;
  io: CliIo;
  json: boolean;
  /** Where the run was saved, as shown to people (a file, or a run in a database); null: not saved. */
  savedTo: string | null;
  /** What the run's model cache did (`--cache`), or null/absent without one; the text output prints it (the run file and `--json`'s `run` carry it as `model_cache`). */
  modelCache?: ModelCacheReport | null;
}): number {
  const { result, gates, io, json } = options;
  // a run the store failed to save must not look saved
  const savedTo = result.saveError ? null : options.savedTo;
  const modelCache = options.modelCache ?? null;
  const passed = gates.failures.length === 0;
  if (json) {
    const document = {
      run: result.toJSON(),
      savedTo,
      gates: {
        passed,
        failures: gates.failures,
        notes: gates.notes,
        baseline: gates.baselineRunId,
      },
    };
    io.stdout.write(`${visibleJson(document)}\n`);
  } else {
    const c = colors({ isTTY: io.stdout.isTTY, env: io.env });
    const shown = visibleRun(result);
    io.stdout.write(`${shown.summary({ readable: true })}\n`);
    if (modelCache) io.stdout.write(`${formatModelCacheLine(modelCache)}\n`);
    const more = savedTo ? `ag2-eval show ${shown.runId} --all lists every one` : "";
    io.stdout.write(formatFailingTasks(shown, { more }));
    const errors = formatErrorCount(shown);
    if (errors) io.stdout.write(`\n${c.red(errors)}\n`);
    // the escaped copy is rebuilt from the run file, which keeps no warnings: print the run's own
    for (const warning of result.warnings) {
      io.stdout.write(`${c.yellow("warning:")} ${visibleText(warning)}\n`);
    }
    if (savedTo) io.stdout.write(`\nSaved ${savedTo}\n`);
    io.stderr.write(formatGateOutcome(gates));
    if (passed && gates.checked > 0) {
      const against = gates.baselineRunId ? ` (baseline ${gates.baselineRunId})` : "";
      io.stdout.write(`${c.green(`${gates.checked} gate(s) passed`)}${against}\n`);
    }
  }
  return passed ? EXIT.ok : EXIT.failed;
}
