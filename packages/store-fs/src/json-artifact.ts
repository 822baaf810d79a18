import type { VariantManifest } from "@ag2/eval-core";
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

/** The sweep manifest at `path`, or null when there is none; anything else there is an error. */
export async function readManifest(path: string): Promise<VariantManifest | null> {
  const json = (await readJsonArtifact(path)) as VariantManifest | null;
  if (json !== null && (json?.schema !== "ag2-eval.variants/1" || !Array.isArray(json.variants))) {
    throw new StoreFolderError({
      path,
      operation: "read",
      cause: new Error(
        `expected a variants manifest (schema "ag2-eval.variants/1"), got ${JSON.stringify(json?.schema)}`,
      ),
    });
  }
  return json;
}
