import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** One module resolution seen by the loader: what was imported, from where, and what it became. */
export interface Resolution {
  readonly specifier: string;
  readonly parent: string | null;
  readonly url: string;
}

// Runs in the loader's hooks thread. appendFileSync, not a message port: each line is on disk
// before the import that caused it settles, so the log is complete when the script ends.
const HOOK = `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, JSON.stringify({ specifier, parent: context.parentURL ?? null, url: result.url }) + "\\n");
  return result;
}`;

/**
 * Runs `script` (an ES module body) in a fresh Node process with a resolve hook that logs every
 * resolution. The script may call `globalThis.phase()` to start a new group; returns the groups.
 */
export async function resolutionsOf(script: string, cwd: string): Promise<Resolution[][]> {
  const folder = await mkdtemp(join(tmpdir(), "ag2-import-cost-"));
  const log = join(folder, "resolutions.ndjson");
  const preamble = `
import { register } from "node:module";
import { appendFileSync, writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(log)}, "");
globalThis.phase = () => appendFileSync(${JSON.stringify(log)}, "phase\\n");
register("data:text/javascript," + encodeURIComponent(${JSON.stringify(HOOK)}), {
  data: { log: ${JSON.stringify(log)} },
});
`;
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", preamble + script], {
      cwd,
    });
    const groups: Resolution[][] = [[]];
    for (const line of (await readFile(log, "utf8")).split("\n")) {
      if (line === "phase") groups.push([]);
      else if (line !== "") groups.at(-1)?.push(JSON.parse(line) as Resolution);
    }
    return groups;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Whether a resolved URL is a file of the zod package. */
export const isZod = (resolution: Resolution): boolean => resolution.url.includes("/zod/");

/** Whether a resolved URL is a file of Ajv or its formats plugin. */
export const isAjv = (resolution: Resolution): boolean => /\/ajv(-formats)?\//.test(resolution.url);
