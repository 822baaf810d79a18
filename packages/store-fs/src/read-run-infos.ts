import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunInfo } from "@ag2/eval-core";
import { runInfoOf } from "./read-run-info.js";
import { StoreFolderError } from "./store-folder-error.js";
import type { StoreWarning } from "./store-warning.js";

const RUN_SUFFIX = ".json";
const LIST_READ_AHEAD = 16;

/**
 * The listing lines of the run files in `dir` (optionally only those with `label`), in name
 * order, and a warning per file that could not be read. Hidden files (temporary files among
 * them), journals, locks and other ag2-eval files are skipped without a warning.
 */
export async function readRunInfos(
  dir: string,
  options: {
    label?: string | undefined;
    onWarning?: ((warning: StoreWarning) => void) | undefined;
  },
): Promise<{ infos: RunInfo[]; warnings: StoreWarning[] }> {
  const warnings: StoreWarning[] = [];
  const infos: RunInfo[] = [];
  const files = (await runFileNames(dir)).map((name) => join(dir, name));
  // reads overlap in windows (the parsing is the CPU's anyway); results keep name order
  const texts: Promise<string>[] = [];
  const readAhead = (index: number): void => {
    const file = files[index];
    if (file === undefined) return;
    const text = readFile(file, "utf8");
    text.catch(() => {}); // reported when its turn comes
    texts[index] = text;
  };
  for (let index = 0; index < LIST_READ_AHEAD; index++) readAhead(index);
  for (const [index, file] of files.entries()) {
    readAhead(index + LIST_READ_AHEAD);
    try {
      const info = runInfoOf(await (texts[index] as Promise<string>), file);
      delete texts[index];
      if (info === null) continue;
      if (options.label === undefined || info.label === options.label) infos.push(info);
    } catch (error) {
      const warning = { file, message: error instanceof Error ? error.message : String(error) };
      warnings.push(warning);
      try {
        options.onWarning?.(warning);
      } catch {
        // An observer must not break listing.
      }
    }
  }
  return { infos, warnings };
}

async function runFileNames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new StoreFolderError({ path: dir, operation: "list", cause: error });
  }
  return names.filter((name) => name.endsWith(RUN_SUFFIX) && !name.startsWith(".")).sort();
}
