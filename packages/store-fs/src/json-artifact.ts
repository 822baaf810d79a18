import { readFile } from "node:fs/promises";
import { toAsciiJson } from "@ag2/eval-core";
import { parseJsonText } from "./load-run.js";
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
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new StoreFolderError({ path, operation: "read", cause: error });
  }
  return parseJsonText(text, path);
}
