import { parseArgs } from "node:util";
import { closestName } from "@ag2/eval/cli";
import { UsageError } from "./usage-error.js";

/** How one flag of a command is declared. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** One line for `--help`. */
  readonly description: string;
  /** The value's placeholder in `--help`, e.g. `<dir>`. */
  readonly valueName?: string;
}

/** The flags of one command, by long name. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** Parsed flags: strings, booleans or lists of strings, by long name. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** The result of {@link parseCommandArgs}. */
export interface ParsedArgs {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
}

/**
 * Parses the arguments of one command strictly: an unknown flag, a missing value or a stray
 * positional becomes a {@link UsageError} naming the flag, with the closest known flag as hint.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs({
 *   command: "list", args: ["--label", "nightly"], flags: { label: { type: "string", description: "…" } },
 * });
 * ```
 */
export function parseCommandArgs(options: {
  command: string;
  args: readonly string[];
  flags: FlagSpecs;
  maxPositionals?: number;
}): ParsedArgs {
  const { command, args, flags } = options;
  const nodeOptions: Record<
    string,
    { type: "string" | "boolean"; multiple?: boolean; short?: string }
  > = {};
  for (const [name, spec] of Object.entries(flags)) {
    nodeOptions[name] = { type: spec.type };
    if (spec.multiple) nodeOptions[name].multiple = true;
    if (spec.short) nodeOptions[name].short = spec.short;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: nodeOptions,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw toUsageError(command, error, Object.keys(flags));
  }
  const max = options.maxPositionals ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals[max];
    throw new UsageError(`ag2-eval ${command}: unexpected argument "${extra}"`, {
      hint: `ag2-eval ${command} --help shows what it takes`,
    });
  }
  return { values: parsed.values as FlagValues, positionals: parsed.positionals };
}

function toUsageError(command: string, error: unknown, known: readonly string[]): UsageError {
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'([^']+)'/.exec(message)?.[1] ?? "";
  const name = flag.replace(/^-+/, "").split(/[ =]/)[0] ?? "";
  const help = `ag2-eval ${command} --help lists its flags`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = closestName(name, known);
    return new UsageError(`ag2-eval ${command}: unknown flag ${flag}`, {
      hint: near ? `did you mean --${near}? (${help})` : help,
    });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const first = message.split("\n")[0] ?? message;
    return new UsageError(`ag2-eval ${command}: ${first.replace(/\.$/, "")}`, { hint: help });
  }
  return new UsageError(`ag2-eval ${command}: ${message}`, { hint: help });
}
