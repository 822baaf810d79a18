import type { Command } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import type { FlagSpecs, FlagValues } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import { RUN_FLAGS } from "../run/run-flags.js";
import { WatchSession } from "../watch/watch-session.js";

/** Quiet time after a change before the run starts: an editor's save is several events. */
const DEBOUNCE_MS = 150;

const WATCH_FLAGS: FlagSpecs = {
  watch: { type: "boolean", description: "(run --watch is this command)" },
  ...RUN_FLAGS,
};

/** `ag2-eval watch` (also `ag2-eval run --watch`): run, then run again on every save. */
export const watchCommand: Command = {
  name: "watch",
  usage: "ag2-eval watch [suite.jsonl] --agent <module>[#export] [--scorers <module>] [run flags]",
  summary:
    "Run a suite like ag2-eval run, then again whenever the suite, config, agent, scorers or a file they import changes.",
  maxPositionals: 1,
  flags: WATCH_FLAGS,
  details: [
    "Examples:",
    "  ag2-eval watch suite.jsonl --agent ./agent.ts --scorers ./scorers.ts",
    "  ag2-eval run --watch            (the same, settings from ag2-eval.config.ts)",
    "",
    "Every run is a fresh process, so edited modules (and the files they import) are loaded",
    "anew. After each run it prints the summary and what changed against the previous run of",
    "the session: pass-rate and mean deltas per key and the tasks that flipped. A change during",
    "a run cancels it; a cancelled run is discarded (nothing of it stays in the store). Model",
    "calls are cached (--cache read-write) unless --cache or the config's cache says otherwise.",
    "A deleted file is reported and still watched: the next run starts when it is back.",
    "Ctrl-C stops watching (exit 130). --resume is refused; --run-id needs --overwrite.",
  ].join("\n"),
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    if (flags.string("resume") !== undefined) {
      throw new UsageError("ag2-eval watch: --resume continues one run, watch starts new ones", {
        hint: "resume with ag2-eval run --resume <run-id>, without --watch",
      });
    }
    const runId = flags.string("run-id");
    if (runId !== undefined && flags.boolean("overwrite") !== true) {
      throw new UsageError(
        `ag2-eval watch: --run-id ${runId} would be taken by the first run and refused for the next`,
        { hint: "add --overwrite to replace that run every time, or drop --run-id" },
      );
    }
    const session = new WatchSession({
      runArgs: runArgsOf(values, positionals),
      ...(runId !== undefined && { runId }),
      io,
      debounceMs: DEBOUNCE_MS,
    });
    return session.start();
  },
};

/** The parsed flags back as `ag2-eval run` arguments, `--watch` left out. */
function runArgsOf(values: FlagValues, positionals: readonly string[]): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name === "watch" || value === undefined || value === false) continue;
    if (value === true) args.push(`--${name}`);
    else for (const item of Array.isArray(value) ? value : [value]) args.push(`--${name}=${item}`);
  }
  return [...args, ...(positionals.length > 0 ? ["--", ...positionals] : [])];
}
