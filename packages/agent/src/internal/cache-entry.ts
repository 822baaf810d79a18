import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { ModelCacheEntryError } from "../model-cache-errors.js";
import type { CacheRequest } from "./cache-request.js";

/** A stored answer: what the endpoint said, enough to build the same `Response` again. */
export interface CachedAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

const FORMAT = 1;

/**
 * Reads the entry for `key` from `file`: undefined when there is none, the answer when it is
 * sound, and a {@link ModelCacheEntryError} naming the file and what is wrong otherwise.
 */
export function readEntry(file: string, key: string): CachedAnswer | undefined {
  let text: string;
  try {
    // Read synchronously: an entry is a few kilobytes, and the promise API's four trips
    // through the thread pool (open, stat, read, close) cost several times the read itself,
    // which on a warm cache is most of what a model call costs.
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ModelCacheEntryError(file, `cannot be read: ${(error as Error).message}`);
  }
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch (error) {
    throw new ModelCacheEntryError(file, `not JSON (${(error as Error).message})`);
  }
  const record = asRecord(entry, file, "the entry");
  if (record.ag2_eval_model_cache !== FORMAT) {
    throw wrong(file, "ag2_eval_model_cache", String(FORMAT), record.ag2_eval_model_cache);
  }
  if (record.key !== key) throw wrong(file, "key", JSON.stringify(key), record.key);
  const response = asRecord(record.response, file, "response");
  const { status } = response;
  if (typeof status !== "number" || status < 200 || status > 299) {
    throw wrong(file, "response.status", "a 2xx status", status);
  }
  const contentType = response.content_type ?? null;
  if (contentType !== null && typeof contentType !== "string") {
    throw wrong(file, "response.content_type", "a string", contentType);
  }
  if ("json" in response) return { status, contentType, text: JSON.stringify(response.json) };
  if (typeof response.text === "string") return { status, contentType, text: response.text };
  throw wrong(file, "response", 'a "json" or "text" field', Object.keys(response));
}

/**
 * Writes an entry readably (a JSON body stays JSON) and atomically: a temporary file renamed
 * into place, so a reader, another process or a crash never sees half an entry.
 */
export async function writeEntry(
  file: string,
  entry: { key: string; request: CacheRequest; answer: CachedAnswer },
): Promise<void> {
  const { answer } = entry;
  let body: { json: unknown } | { text: string } = { text: answer.text };
  if (answer.contentType?.includes("json")) {
    try {
      body = { json: JSON.parse(answer.text) };
    } catch {
      // a server that labels text as JSON: kept as it came
    }
  }
  const document = {
    ag2_eval_model_cache: FORMAT,
    key: entry.key,
    recorded_at: new Date().toISOString(),
    request: entry.request,
    response: { status: answer.status, content_type: answer.contentType, ...body },
  };
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function asRecord(value: unknown, file: string, field: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw wrong(file, field, "an object", value);
}

function wrong(file: string, field: string, expected: string, got: unknown): ModelCacheEntryError {
  const shown = got === undefined ? "nothing" : (JSON.stringify(got) ?? String(got));
  return new ModelCacheEntryError(file, `${field}: expected ${expected}, got ${shown}`);
}
