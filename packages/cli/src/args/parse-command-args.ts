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
    throw toUsageError({ command, error, args, flags });
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

function toUsageError(options: {
  command: string;
  error: unknown;
  args: readonly string[];
  flags: FlagSpecs;
}): UsageError {
  const { command, error, args, flags } = options;
  const known = Object.keys(flags);
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
    return invalidValue({ command, message, args, flags, help });
  }
  return new UsageError(`ag2-eval ${command}: ${message}`, { hint: help });
}

/**
 * A string flag given no value, or followed by something starting with a dash (`--concurrency
 * -1`, `--agent --json`), said in the flag's own terms rather than Node's "ambiguous" wording.
 */
function invalidValue(options: {
  command: string;
  message: string;
  args: readonly string[];
  flags: FlagSpecs;
  help: string;
}): UsageError {
  const { command, message, args, flags, help } = options;
  const first = (message.split("\n")[0] ?? message).replace(/\.$/, "");
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const long = /--([\w-]+)/.exec(quoted)?.[1];
  const short = /^-(\w)\b/.exec(quoted)?.[1];
  const name =
    long ?? Object.keys(flags).find((key) => short !== undefined && flags[key]?.short === short);
  const spec = name === undefined ? undefined : flags[name];
  if (name === undefined || spec === undefined || spec.type !== "string") {
    return new UsageError(`ag2-eval ${command}: ${first}`, { hint: help });
  }
  const usage = `--${name} ${spec.valueName ?? "<value>"}`;
  const at = args.findIndex((arg) => arg === `--${name}` || arg === `-${spec.short}`);
  const next = at >= 0 ? args[at + 1] : undefined;
  if (next === undefined || !first.endsWith("ambiguous")) {
    return new UsageError(`ag2-eval ${command}: --${name}: got no value, expected ${usage}`, {
      hint: help,
    });
  }
  return new UsageError(
    `ag2-eval ${command}: --${name}: got "${next}" after it, which starts with a dash and so is not taken as its value; expected ${usage}`,
    { hint: `write --${name}=${next} if "${next}" is the value; else give --${name} its value` },
  );
}
