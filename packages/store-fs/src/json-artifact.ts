import { toAsciiJson } from "@ag2/eval-core/internal";
import { parseJsonText, readTextIfExists } from "./load-run.js";
import { StoreFolderError } from "./store-folder-error.js";
import { writeFileAtomic } from "./write-file-atomic.js";

/** Writes a JSON document (manifest, pairwise run) atomically, escaped like a run file. */
export async function saveJsonArtifact(path: string, json: unknown): Promise<void> {
  try {
    await writeFileAtomic(path, toAsciiJson(json));
  } catch (error) {
    throw new StoreFolderError({ path, operation: "write", cause: error });
  }
}

/** The parsed JSON document at `path`, or null when there is no such file. */
export async function readJsonArtifact(path: string): Promise<unknown> {
  const text = await readTextIfExists(path);
  return text === null ? null : parseJsonText(text, path);
}
