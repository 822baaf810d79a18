import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../args/usage-error.js";
import { noteWatchedInput } from "./watched-inputs.js";

const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/;

/**
 * Imports a module given as `path[#export]` and returns the named export (`default` when no
 * name is given, then the `fallbacks` in order). TypeScript files are loaded through tsx's
 * ESM API, so no build step is needed (see {@link importFile}).
 *
 * @example
 * ```ts
 * const agent = await loadExport({ spec: "./agent.ts#weatherAgent", baseDir: process.cwd(), flag: "--agent" });
 * ```
 */
export async function loadExport(options: {
  spec: string;
  baseDir: string;
  /** Names the setting in errors, e.g. `--agent`. */
  flag: string;
  fallbacks?: readonly string[];
}): Promise<unknown> {
  const { spec, baseDir, flag } = options;
  const hash = spec.lastIndexOf("#");
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const exportName = hash > 0 ? spec.slice(hash + 1) : null;
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  const namespace = await importFile(path, flag);
  const names = exportName ? [exportName] : ["default", ...(options.fallbacks ?? [])];
  const exports = moduleExports(namespace);
  for (const name of names) {
    const value = exports[name];
    if (value !== undefined) return value;
  }
  const found = Object.keys(exports).filter((name) => name !== "__esModule");
  throw new UsageError(
    `${flag}: ${path} has no export ${names.map((name) => `"${name}"`).join(" or ")} (exports: ${found.join(", ") || "none"})`,
    { hint: `name the export after a #, e.g. ${flag} ${file}#${found[0] ?? "myExport"}` },
  );
}

let registered: Promise<unknown> | null = null;

/**
 * Registers tsx's loader hooks, once per process, so that TypeScript files import. Called on
 * first need by {@link importFile}; `ag2-eval watch` calls it ahead, in a process waiting for
 * its run.
 *
 * @example
 * ```ts
 * await registerTypeScript();
 * ```
 */
export async function registerTypeScript(): Promise<void> {
  // Both hooks: a .ts file outside a "type": "module" package is loaded as CommonJS.
  registered ??= Promise.all([
    import("tsx/esm/api").then(({ register }) => register()),
    import("tsx/cjs/api").then(({ register }) => register()),
  ]);
  await registered;
}

/**
 * Imports a file by path. For TypeScript, tsx's loader hooks are registered once, on first
 * need (JavaScript-only runs never pay for them). Registering globally rather than calling
 * `tsImport` matters: `tsImport` loads every file under a fresh namespace, so a user's agent
 * would get its own copy of `@ag2/eval` (slower start, and classes the CLI would not
 * recognise); with the hooks registered, the agent, scorers and config share the CLI's copy.
 */
export async function importFile(path: string, flag: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  noteWatchedInput(path, "module");
  try {
    if (TYPESCRIPT.test(path)) await registerTypeScript();
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Node quotes the module it could not find; the importing file follows unquoted, so a
    // package the module imports is not mistaken for the module itself
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes(`'${path}'`)) {
      throw new UsageError(`${flag}: cannot find ${path}`, {
        hint: "paths are relative to the current folder (or, in a config file, to its folder)",
        cause: error,
      });
    }
    throw new UsageError(`${flag}: importing ${path} failed: ${firstLine(error)}`, {
      hint: "run with --debug to see the full error",
      cause: error,
    });
  }
}

interface BuildMessage {
  readonly text: string;
  readonly location?: { file: string; line: number; column: number } | null;
}

/**
 * The one-line reason an import failed. esbuild (behind tsx) reports a syntax error as
 * "Transform failed with N error(s):" and puts `file:line:col: ERROR: text` on the next lines,
 * so the first line alone says nothing; the first error's location and text are kept instead.
 * esbuild columns are 0-based; they are shown 1-based, as editors count them.
 */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const head = message.split("\n")[0] ?? message;
  const count = /^(?:Transform|Build) failed with (\d+) errors?:/.exec(head);
  if (!count) return head;
  const more = Number(count[1]) > 1 ? ` (and ${Number(count[1]) - 1} more)` : "";
  const first = (error as { errors?: readonly BuildMessage[] }).errors?.[0];
  if (first?.location) {
    const { file, line, column } = first.location;
    return `${file}:${line}:${column + 1}: ${first.text}${more}`;
  }
  const parsed = /^(.+):(\d+):(\d+): ERROR: (.*)$/m.exec(message);
  if (!parsed) return head;
  const [, file, line, column, text] = parsed;
  return `${file}:${line}:${Number(column) + 1}: ${text}${more}`;
}

/**
 * The exports of an imported module. A TypeScript file outside a `"type": "module"` package
 * is compiled to CommonJS, and Node shows its exports (marked `__esModule`) as the default.
 *
 * @example
 * ```ts
 * const exports = moduleExports(await importFile(path, "--agent"));
 * ```
 */
export function moduleExports(namespace: Record<string, unknown>): Record<string, unknown> {
  const inner = namespace.default as Record<string, unknown> | null | undefined;
  return typeof inner === "object" && inner !== null && inner.__esModule === true
    ? inner
    : namespace;
}
