import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { isProcessAlive } from "./process-alive.js";
import { isStaleTempName } from "./temp-name.js";

/**
 * Removes the temporary files a killed writer left in `dir` (a SIGKILL between creating one
 * and renaming it), so they do not pile up. Only files of writers on this machine that no
 * longer run are touched; a failure to remove one is left for the next write to retry.
 * Resolves to the names removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isStaleTempName(name, isProcessAlive)) continue;
    try {
      // unlink removes a link itself, never what it points to, and refuses a folder
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // gone already (another writer swept it), or not ours to remove
    }
  }
  return removed;
}
