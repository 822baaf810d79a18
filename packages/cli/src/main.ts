import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { Ag2EvalError } from "@ag2/eval";
import { type Command, commandHelp } from "./args/command.js";
import { parseCommandArgs } from "./args/parse-command-args.js";
import { UsageError } from "./args/usage-error.js";
import { inputErrorHint } from "./output/input-error-hint.js";
import { type CliIo, EXIT } from "./terminal/cli-io.js";
import { describeThrown } from "./terminal/describe-thrown.js";
import { visibleOutput, visibleText } from "./terminal/visible-text.js";

/** Sub-commands, loaded on demand so `--help` and `--version` stay instant. */
const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  run: {
    summary: "run an agent over a suite, grade and save the run",
    load: async () => (await import("./commands/run.js")).runCommand,
  },
  watch: {
    summary: "run, then run again whenever the suite, agent, scorers or their imports change",
    load: async () => (await import("./commands/watch.js")).watchCommand,
  },
  init: {
    summary: "write a first evaluation that runs offline at once",
    load: async () => (await import("./commands/init.js")).initCommand,
  },
  list: {
    summary: "list saved runs, newest first",
    load: async () => (await import("./commands/list.js")).listCommand,
  },
  show: {
    summary: "print a saved run's summary and failing tasks",
    load: async () => (await import("./commands/show.js")).showCommand,
  },
  diff: {
    summary: "compare a run with a baseline (optionally as a CI gate)",
    load: async () => (await import("./commands/diff.js")).diffCommand,
  },
  trend: {
    summary: "chart pass rates of the runs with a label over time",
    load: async () => (await import("./commands/trend.js")).trendCommand,
  },
  variants: {
    summary: "run the same suite over several agent variants",
    load: async () => (await import("./commands/variants.js")).variantsCommand,
  },
  pairwise: {
    summary: "compare two agents task by task with comparators",
    load: async () => (await import("./commands/pairwise.js")).pairwiseCommand,
  },
  merge: {
    summary: "join the shard runs of one evaluation (run --shard i/n) into one run",
    load: async () => (await import("./commands/merge.js")).mergeCommand,
  },
  grade: {
    summary: "grade saved traces (a folder or an OTLP file) against a suite",
    load: async () => (await import("./commands/grade.js")).gradeCommand,
  },
  export: {
    summary: "write a saved run as JUnit XML, Markdown, JSON or HTML",
    load: async () => (await import("./commands/export.js")).exportCommand,
  },
  report: {
    summary:
      "write one self-contained HTML report of runs, a comparison, a sweep or a pairwise run",
    load: async () => (await import("./commands/report.js")).reportCommand,
  },
  view: {
    summary: "browse the store's runs in a local web page (runs in progress included)",
    load: async () => (await import("./commands/view.js")).viewCommand,
  },
};

/**
 * Runs `ag2-eval` with the given arguments and resolves to the exit code: 0 success, 1 a
 * failed gate or an unexpected error, 2 a usage or configuration mistake, 3 a run stopped by
 * its run-wide budget (resumable), 4 a run finished but not saved (journal kept), 5 a run that
 * did not finish (journal kept), 130 interrupted.
 * Nothing is thrown: errors are printed to `io.stderr`, with a stack only under `--debug`.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), {
 *   stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
 * });
 * ```
 */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  // text from runs, suites and agents reaches these streams; nothing in it may drive the terminal
  const io: CliIo = {
    ...given,
    stdout: visibleOutput(given.stdout),
    stderr: visibleOutput(given.stderr),
  };
  const debug = argv.includes("--debug");
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      // Without a command the help is an error message: a script that forgot it must not pass.
      (first === undefined ? io.stderr : io.stdout).write(globalHelp());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === "--version" || first === "-v") {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    // `run --watch` is `watch`: the same flags, run again on every change
    const entry = COMMANDS[first === "run" && rest.includes("--watch") ? "watch" : first];
    if (!entry) {
      throw new UsageError(
        first.startsWith("-") ? `unknown flag ${first}` : `unknown command "${first}"`,
        { hint: `commands: ${Object.keys(COMMANDS).join(", ")} (ag2-eval --help)` },
      );
    }
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const { values, positionals } = parseCommandArgs({
      command: command.name,
      args: rest,
      flags: command.flags,
      maxPositionals: command.maxPositionals,
    });
    return await command.run({ values, positionals, io });
  } catch (error) {
    return report(error, {
      io,
      debug,
      command: first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined,
    });
  }
}

/** What to try next, for the input errors users meet most. */
const HINTS: Readonly<Record<string, string>> = {
  RunNotFoundError: "ag2-eval list shows the runs in this store (--store picks another folder)",
  PostgresRunNotFoundError: "ag2-eval list shows the runs in this database (--store picks another)",
  RunWriterConflictError:
    "one process writes a run at a time: wait for that run to finish, then --resume it (a writer that died frees the run at once)",
  PostgresStoreError:
    "check the server named above and the --store / AG2_EVAL_STORE connection string; PGPASSWORD keeps a password out of it",
  SuiteFileError:
    'each non-blank line of a suite is a JSON object with an "inputs" object and a unique task_id',
  JournalFileError:
    "the run's journal is damaged: fix or delete the line named (its task runs again on --resume), or start over with --overwrite",
  StoreFolderError:
    "--store (or AG2_EVAL_STORE) names the folder of saved runs: one you can read and write, or a path where one can be made",
  RunFileError:
    "the file is not a run this version can read; ag2-eval list names the readable ones",
  InvalidRunIdError: "run ids are file names: letters, digits and . _ # : @ + = - only",
  RunExistsError:
    "--overwrite replaces that run, --resume <run-id> continues an unfinished one; or choose another --run-id",
  RunLockedError: "one process writes a run at a time; choose another --run-id to run in parallel",
  ReportServerError: "--port picks another port (--port 0 takes any free one)",
};

function report(
  error: unknown,
  options: { io: CliIo; debug: boolean; command: string | undefined },
): number {
  const { io, debug } = options;
  const name = nameOf(error);
  if (options.io.signal?.aborted || name === "AbortError") {
    io.stderr.write("interrupted\n");
    return EXIT.interrupted;
  }
  const message = visibleText(describeThrown(error).message);
  io.stderr.write(
    `error: ${Ag2EvalError.isInstance(error) ? "" : "unexpected failure: "}${message}\n`,
  );
  const hint =
    error instanceof UsageError && error.hint
      ? error.hint
      : (specificHint(error, name) ??
        HINTS[name] ??
        (Ag2EvalError.isInstance(error)
          ? inputErrorHint(message, options.command)
          : debug
            ? null
            : "run again with --debug for the stack trace"));
  if (hint) io.stderr.write(`hint: ${hint}\n`);
  if (debug) io.stderr.write(`${stackOf(error)}\n`);
  // Errors ag2-eval throws on purpose (a bad suite line, an unknown run id, an invalid
  // option) are about the user's input; anything else is a crash.
  return Ag2EvalError.isInstance(error) ? EXIT.usage : EXIT.failed;
}

/**
 * Hints that depend on more than the error's name: a CSV or JSON-array suite is not read line
 * by line, and a viewer that cannot listen may have a busy port or a host that is not ours.
 */
function specificHint(error: unknown, name: string): string | null {
  if (name === "ReportServerError") {
    const busy = /already in use/.test(describeThrown(error).message);
    return busy
      ? null
      : "--host takes an address of this machine (127.0.0.1 by default, ::1, or 0.0.0.0 for every interface)";
  }
  if (name === "InvalidOptionError" && /have no 'input' key/.test(describeThrown(error).message)) {
    return "a CSV suite's prompt is its input column (a JSON suite's inputs.input); --map inputs.input=<column> or suiteMapping names another";
  }
  if (name !== "SuiteFileError") return null;
  const path = (error as { path?: unknown }).path;
  const extension = typeof path === "string" ? extname(path).toLowerCase() : "";
  if (extension === ".csv") {
    return "a CSV suite has a header row and as many fields in every row (quote a field holding commas, quotes or line breaks); --map or suiteMapping names its columns";
  }
  if (extension === ".json") {
    return 'a JSON suite is one array of task objects, each with an "inputs" object and a unique task_id';
  }
  return null;
}

/** The error's `name`, or "" when there is none or reading it throws (a hostile Proxy). */
function nameOf(error: unknown): string {
  try {
    const name = (error as { name?: unknown } | null)?.name;
    return typeof name === "string" ? name : "";
  } catch {
    return "";
  }
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { message, stack } = describeThrown(current);
    lines.push(depth === 0 ? (stack ?? message) : `caused by: ${stack ?? message}`);
    try {
      current = (current as { cause?: unknown }).cause;
    } catch {
      current = undefined;
    }
  }
  return lines.join("\n");
}

function globalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    "Usage: ag2-eval <command> [flags]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
    "",
    "Flags: --help (per command: ag2-eval <command> --help), --version, --debug",
    "Settings may also come from ag2-eval.config.ts (defineConfig from @ag2/eval-cli); flags win.",
    "Exit codes: 0 ok, 1 a gate failed, 2 usage or configuration error (a run id already in use included), 3 stopped on a run budget, 4 finished but not saved, 5 run did not finish, 130 interrupted.",
    "",
  ].join("\n");
}

function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL("../package.json", import.meta.url), "utf8"),
  ) as {
    version: string;
  };
  return manifest.version;
}
