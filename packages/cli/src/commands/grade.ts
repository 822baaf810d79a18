import { readdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { DirectoryTraceSource, evaluateTraces, OtlpFileTraceSource, Suite } from "@ag2/eval";
import type { Command } from "../args/command.js";
import { COMMON_FLAGS, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, openStore, savedLocation } from "../config/settings.js";
import { scorersFrom, suitePathFrom } from "../config/suite-and-scorers.js";
import { evaluateGates } from "../gates/evaluate-gates.js";
import { gatePlan } from "../gates/gate-plan.js";
import { printRunOutcome } from "../output/print-run-outcome.js";
import { withProgress } from "../output/progress-stream.js";
import { GATE_FLAGS, SCORER_TIMEOUT_FLAG } from "../run/run-flags.js";
import { scorerTimeoutPlan } from "../run/run-plan.js";
import { EXIT } from "../terminal/cli-io.js";
import { visibleText } from "../terminal/visible-text.js";

/** `ag2-eval grade <traces-dir | otlp-file> --suite <suite>`: evaluateTraces from the shell. */
export const gradeCommand: Command = {
  name: "grade",
  usage:
    "ag2-eval grade <traces-dir | otlp-file.json> [--suite <suite.jsonl>] --scorers <module>[#export]",
  summary:
    "Grade traces that already exist (saved trace files, or an OTLP JSON export) and save the run.",
  maxPositionals: 1,
  flags: {
    suite: {
      type: "string",
      valueName: "<suite.jsonl>",
      description: "joins traces to tasks by task id (for references)",
    },
    scorers: {
      type: "string",
      valueName: "<module>[#export]",
      description: "the scorers (default: the config's)",
    },
    label: { type: "string", valueName: "<label>", description: "label the run" },
    "run-id": {
      type: "string",
      valueName: "<id>",
      description: "the run id (default: a random one)",
    },
    concurrency: {
      type: "string",
      valueName: "<n>",
      description: "traces graded at once (default 4)",
    },
    json: { type: "boolean", description: "print the run and gate results as JSON" },
    ...SCORER_TIMEOUT_FLAG,
    ...GATE_FLAGS,
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    const settings = await loadSettings({ values, io });
    const target = positionals[0];
    if (target === undefined) {
      throw new UsageError("ag2-eval grade: missing <traces-dir | otlp-file>", {
        hint: "e.g. ag2-eval grade traces/ --suite suite.jsonl --scorers ./scorers.ts",
      });
    }
    const path = resolve(io.cwd, target);
    const info = await stat(path).catch(() => null);
    if (!info)
      throw new UsageError(`ag2-eval grade: cannot find ${path}`, {
        hint: "pass a folder of trace files or an OTLP JSON file",
      });
    if (info.isDirectory() && !(await readdir(path)).some((name) => name.endsWith(".json"))) {
      // grading nothing would save an empty run, and a gate-less CI job would pass on it
      throw new UsageError(
        `ag2-eval grade: ${path}: got a folder without trace files (*.json), expected at least one`,
        { hint: "run --save-traces <dir> writes them; or pass an OTLP JSON file" },
      );
    }
    const source = info.isDirectory()
      ? new DirectoryTraceSource(path)
      : new OtlpFileTraceSource(path);
    const suitePath = suitePathFrom({ given: flags.string("suite"), settings, cwd: io.cwd });
    const scorers = await scorersFrom({ given: flags.string("scorers"), settings, cwd: io.cwd });
    const json = flags.boolean("json") ?? false;
    const label = flags.string("label") ?? settings.config.label;
    const runId = flags.string("run-id");
    const concurrency = flags.integer("concurrency", { min: 1 });
    // a malformed gate flag is refused before any trace is read
    const plan = gatePlan(values, settings);
    const scorerTimeoutMs = scorerTimeoutPlan(values);
    const store = await openStore(settings);
    const result = await withProgress({
      io,
      json,
      work: async (stream) =>
        evaluateTraces(source, {
          scorers,
          store,
          stream,
          suite: suitePath
            ? await Suite.fromFile(suitePath, {
                ...(settings.config.suiteMapping && { mapping: settings.config.suiteMapping }),
              })
            : null,
          ...(label !== undefined && { label }),
          ...(runId !== undefined && { runId }),
          ...(concurrency !== undefined && { concurrency }),
          ...(scorerTimeoutMs !== undefined && { scorerTimeoutMs }),
          ...(io.signal && { signal: io.signal }),
        }),
    });
    const { saveError } = result;
    // an unsaved run must not pass a gate: CI could not find the run it passed
    const gates = saveError
      ? { failures: [], baselineRunId: null, notes: [], checked: 0 }
      : await evaluateGates({ result, store, gates: plan });
    const code = printRunOutcome({
      result,
      gates,
      io,
      json,
      savedTo: savedLocation(store, result.runId),
    });
    if (!saveError) return code;
    io.stderr.write(
      `error: run ${result.runId} was graded but NOT saved (${visibleText(saveError.type)}: ${visibleText(saveError.message)}); no gate was checked; fix the store and grade again\n`,
    );
    return EXIT.notSaved;
  },
};
