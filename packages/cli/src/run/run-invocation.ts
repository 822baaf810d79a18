import { isAbsolute, resolve } from "node:path";
import type { RunStore } from "@ag2/eval";
import { flagReader } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import type { Settings } from "../config/settings.js";

/**
 * How `ag2-eval run` started a run, kept in its journal's header (core's `invocation`) so that
 * `--resume <id>` alone can start it again: absolute paths, and the flags as they were given.
 */
export interface RunInvocation {
  readonly command: "run";
  /** The suite file, absolute. */
  readonly suite: string;
  /** The agent module as `path[#export]`, absolute; absent when the config held the agent itself. */
  readonly agent?: string;
  /** Likewise for the scorers; absent when there were none or the config held them. */
  readonly scorers?: string;
  /** The other flags as given (the label too when the config set it), path flags made absolute. */
  readonly flags: FlagValues;
}

/**
 * Flags that name this invocation rather than the run: where the store is (it must be known
 * to find the journal), the run id, what to do with an existing one, and how to print.
 */
const NOT_RECORDED = new Set([
  "resume",
  "run-id",
  "overwrite",
  "store",
  "config",
  "json",
  "help",
  "debug",
  "agent",
  "scorers",
]);

function absoluteSpec(spec: string, baseDir: string): string {
  const hash = spec.lastIndexOf("#");
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  return `${isAbsolute(file) ? file : resolve(baseDir, file)}${hash > 0 ? spec.slice(hash) : ""}`;
}

/** A module setting as an absolute spec: from its flag, else the config's string, else none. */
function moduleSpec(
  given: string | undefined,
  configured: unknown,
  dirs: { cwd: string; configDir: string },
): string | undefined {
  if (given !== undefined) return absoluteSpec(given, dirs.cwd);
  return typeof configured === "string" ? absoluteSpec(configured, dirs.configDir) : undefined;
}

/**
 * What to record for a run started with these arguments.
 *
 * @example
 * ```ts
 * const invocation = runInvocation({ values, suitePath: plan.suitePath, settings, cwd: io.cwd });
 * ```
 */
export function runInvocation(options: {
  values: FlagValues;
  suitePath: string;
  settings: Settings;
  cwd: string;
}): RunInvocation {
  const { values, settings, cwd } = options;
  const flags: Record<string, string | boolean | string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !NOT_RECORDED.has(name)) flags[name] = value;
  }
  if (typeof flags["save-traces"] === "string") {
    flags["save-traces"] = resolve(cwd, flags["save-traces"]);
  }
  if (flags.label === undefined && settings.config.label !== undefined) {
    flags.label = settings.config.label;
  }
  const dirs = { cwd, configDir: settings.configDir };
  const reader = flagReader(values);
  const agent = moduleSpec(reader.string("agent"), settings.config.agent, dirs);
  const scorers = moduleSpec(reader.string("scorers"), settings.config.scorers, dirs);
  return {
    command: "run",
    suite: options.suitePath,
    ...(agent !== undefined && { agent }),
    ...(scorers !== undefined && { scorers }),
    flags,
  };
}

/** What `store.readJournal` gives: the journal's header and graded tasks, or null. */
type Journal = Awaited<ReturnType<NonNullable<RunStore["readJournal"]>>>;

/**
 * The arguments of `run --resume <id>`: those given, completed from the invocation its journal
 * recorded (flags given again win). A journal without one (written by an older ag2-eval, or by
 * the API) completes nothing but the label; then whatever the run cannot start without and
 * the config does not give is refused with a usage error naming it. `journal` is what was
 * read, for `runAgent`'s `resumeJournal` (the run then does not read it again); absent when
 * not resuming, or when the journal could not be read (the run reads it and says why).
 *
 * @example
 * ```ts
 * const args = await resumedArgs({ values, positionals, settings, store, cwd: io.cwd });
 * ```
 */
export async function resumedArgs(options: {
  values: FlagValues;
  positionals: readonly string[];
  settings: Settings;
  store: RunStore;
  cwd: string;
}): Promise<{ values: FlagValues; positionals: readonly string[]; journal?: Journal }> {
  const { values, positionals, settings, store } = options;
  const runId = flagReader(values).string("resume");
  if (runId === undefined) return { values, positionals };
  // a journal that cannot be read is core's to report, with its file and line
  let read = true;
  const journal = await store.readJournal?.(runId).catch(() => {
    read = false;
    return null;
  });
  const passed = read && journal !== undefined ? { journal } : {};
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const recorded = journal?.header.invocation;
  if (recorded !== undefined) {
    const invocation = checkedInvocation(recorded, runId);
    return {
      values: {
        ...invocation.flags,
        ...(invocation.agent !== undefined && { agent: invocation.agent }),
        ...(invocation.scorers !== undefined && { scorers: invocation.scorers }),
        ...given,
      },
      positionals: positionals.length > 0 ? positionals : [invocation.suite],
      ...passed,
    };
  }
  const { config } = settings;
  const missing = [
    ...(positionals[0] === undefined && config.suite === undefined ? ["the suite"] : []),
    ...(given.agent === undefined && config.agent === undefined ? ["--agent"] : []),
    ...(given.scorers === undefined &&
    config.scorers === undefined &&
    (journal?.header.scorers?.length ?? 0) > 0
      ? ["--scorers"]
      : []),
  ];
  if (missing.length > 0) {
    const what = missing.join(missing.length > 2 ? ", " : " and ").replace(/, (?=[^,]*$)/, " and ");
    throw new UsageError(
      journal
        ? `--resume ${runId}: the journal of run ${runId} does not record how the run was started (an older ag2-eval, or the API, wrote it): pass ${what} again`
        : `--resume ${runId}: the store has no journal for run ${runId} to read its suite, agent and scorers from: pass ${what}`,
      {
        hint: journal
          ? `e.g. ag2-eval run suite.jsonl --agent ./agent.ts --scorers ./scorers.ts --resume ${runId} (with the flags it ran with)`
          : "check the id (ag2-eval list) and --store; a budget-stopped run whose journal is gone resumes with its suite, --agent and --scorers given again",
      },
    );
  }
  const label = journal?.header.label;
  return {
    values:
      given.label === undefined && config.label === undefined && label
        ? { ...values, label }
        : values,
    positionals,
    ...passed,
  };
}

/** The recorded invocation, or a usage error naming the field a hand edit broke. */
function checkedInvocation(value: unknown, runId: string): RunInvocation {
  const fail = (field: string, expected: string) =>
    new UsageError(
      `--resume ${runId}: the journal's invocation.${field} is not ${expected}; it cannot be resumed from its id alone`,
      { hint: "pass the suite, --agent, --scorers and the flags again with --resume" },
    );
  const record = value as Partial<Record<keyof RunInvocation, unknown>>;
  if (record.command !== "run") throw fail("command", '"run"');
  if (typeof record.suite !== "string") throw fail("suite", "a path");
  for (const field of ["agent", "scorers"] as const) {
    if (record[field] !== undefined && typeof record[field] !== "string") {
      throw fail(field, "a module path");
    }
  }
  const flags = record.flags;
  if (typeof flags !== "object" || flags === null || Array.isArray(flags)) {
    throw fail("flags", "an object");
  }
  for (const [name, flag] of Object.entries(flags)) {
    const fine =
      typeof flag === "string" ||
      typeof flag === "boolean" ||
      (Array.isArray(flag) && flag.every((item) => typeof item === "string"));
    if (!fine) throw fail(`flags.${name}`, "a string, true or a list of strings");
  }
  return value as RunInvocation;
}
