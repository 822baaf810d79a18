import type { CliIo } from "../terminal/cli-io.js";
import type { FlagSpecs, FlagValues } from "./parse-command-args.js";

/** What a command's `run` receives after its arguments were parsed. */
export interface CommandInput {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
}

/**
 * One `ag2-eval` sub-command: its flags (which also drive `--help`) and what it does. `run`
 * resolves to the exit code.
 *
 * @example
 * ```ts
 * const hello: Command = {
 *   name: "hello", usage: "ag2-eval hello", summary: "Says hello.", flags: {}, maxPositionals: 0,
 *   run: async ({ io }) => { io.stdout.write("hello\n"); return 0; },
 * };
 * ```
 */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly flags: FlagSpecs;
  readonly maxPositionals: number;
  /** Extra paragraphs for `--help` (examples, notes). */
  readonly details?: string;
  run(input: CommandInput): Promise<number>;
}

/** Flags every command takes. */
export const COMMON_FLAGS: FlagSpecs = {
  help: { type: "boolean", short: "h", description: "show this help" },
  debug: { type: "boolean", description: "show stack traces of errors" },
};

/** The `--store` flag, shared by the commands that read or write runs. */
export const STORE_FLAG: FlagSpecs = {
  store: {
    type: "string",
    valueName: "<dir|url>",
    description:
      "folder of saved runs, or a postgres://user@host/db database (default $AG2_EVAL_STORE, else .ag2-eval/runs)",
  },
  config: {
    type: "string",
    valueName: "<file>",
    description: "config file (default ./ag2-eval.config.ts if present)",
  },
};

/**
 * The `--help` text of a command, built from its flag specs.
 *
 * @example
 * ```ts
 * io.stdout.write(commandHelp(command));
 * ```
 */
export function commandHelp(command: Command): string {
  const rows = Object.entries(command.flags).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "    ";
    const left = `${short}--${name}${spec.valueName ? ` ${spec.valueName}` : ""}`;
    return [left, `${spec.description}${spec.multiple ? " (repeatable)" : ""}`] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    "",
    "Flags:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ];
  if (command.details) lines.push("", command.details);
  return `${lines.join("\n")}\n`;
}
