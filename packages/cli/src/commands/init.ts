import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { COMMON_FLAGS, type Command } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { UsageError } from "../args/usage-error.js";
import { INIT_CACHE_FILES } from "../init/init-cache-files.js";
import { INIT_SCRIPTS, INIT_TEMPLATES } from "../init/init-templates.js";

/** `ag2-eval init [dir]`: scaffolds a first evaluation that runs offline at once. */
export const initCommand: Command = {
  name: "init",
  usage: "ag2-eval init [dir] [--force]",
  summary: "Write a first evaluation (suite, scorers, agent, config, recorded model answers).",
  maxPositionals: 1,
  flags: {
    force: { type: "boolean", description: "overwrite files and scripts that already exist" },
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const dir = resolve(io.cwd, positionals[0] ?? ".");
    const force = flagReader(values).boolean("force") ?? false;
    const manifestPath = join(dir, "package.json");
    if (!(await isDirectory(dir)) || !existsSync(manifestPath)) {
      throw new UsageError(`ag2-eval init: no package.json in ${dir}`, {
        hint: "init writes into an existing project; run npm init there first",
      });
    }
    const manifestText = await readFile(manifestPath, "utf8");
    let manifest: { scripts?: Record<string, string> };
    try {
      manifest = JSON.parse(manifestText) as typeof manifest;
    } catch (error) {
      throw new UsageError(`ag2-eval init: ${manifestPath} is not valid JSON: ${String(error)}`);
    }
    const files = { ...INIT_TEMPLATES, ...INIT_CACHE_FILES };
    const taken = Object.keys(files).filter((path) => existsSync(join(dir, path)));
    const scripts = manifest.scripts ?? {};
    const clashing = Object.entries(INIT_SCRIPTS)
      .filter(([name, command]) => scripts[name] !== undefined && scripts[name] !== command)
      .map(([name]) => `package.json scripts.${name}`);
    if (!force && taken.length + clashing.length > 0) {
      throw new UsageError(
        `ag2-eval init: would overwrite ${[...taken, ...clashing].join(", ")}; nothing was written`,
        { hint: "pass --force to overwrite them" },
      );
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text, "utf8");
    }
    manifest.scripts = { ...scripts, ...INIT_SCRIPTS };
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    const shown = relative(io.cwd, dir) || ".";
    io.stdout.write(
      [
        `Wrote to ${shown}:`,
        ...Object.keys(INIT_TEMPLATES).map((path) => `  ${path}`),
        ...[...new Set(Object.keys(INIT_CACHE_FILES).map((path) => dirname(path)))].map(
          (folder) => `  ${folder}/ (recorded model answers)`,
        ),
        `  package.json scripts: ${Object.keys(INIT_SCRIPTS).join(", ")}`,
        "",
        `Next: ${shown === "." ? "" : `cd ${shown} && `}npm run eval   (offline, from the recorded answers)`,
        "Then set OPENAI_API_KEY and run npm run eval:record to call the model yourself.",
        "",
      ].join("\n"),
    );
    return 0;
  },
};

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
