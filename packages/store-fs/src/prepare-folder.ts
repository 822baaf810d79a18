import { mkdir } from "node:fs/promises";
import { removeStaleTempFiles } from "./stale-temp-files.js";
import { StoreFolderError } from "./store-folder-error.js";

/** Every write of a store starts here: the folder exists, and dead writers' temporary files go. */
export async function prepareFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new StoreFolderError({ path: dir, operation: "create the folder", cause: error });
  }
  await removeStaleTempFiles(dir);
}
