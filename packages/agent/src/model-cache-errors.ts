import { Ag2EvalError } from "@ag2/eval-core";
import type { CacheRequest } from "./internal/cache-request.js";

/**
 * A model cache in `replay` mode had no entry for a request. The message names the request
 * (method, URL, model, sample, the last message's start) and the file it looked for.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (ModelCacheMissError.isInstance(error)) console.error(`record it first: ${error.file}`);
 * }
 * ```
 */
export class ModelCacheMissError extends Ag2EvalError {
  static override readonly errorName: string = "ModelCacheMissError";
  constructor(
    readonly file: string,
    request: CacheRequest,
  ) {
    super(
      `model cache (replay): no entry for ${describeRequest(request)}; expected the file ${file} ` +
        "(record it with mode read-write or record)",
    );
  }
}

/**
 * A cache entry file could not be used: not JSON, or missing a field. In `replay` mode this is
 * the model call's error; in `read-write` mode the entry is treated as a miss and rewritten.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (ModelCacheEntryError.isInstance(error)) await rm(error.file); // then record again
 * }
 * ```
 */
export class ModelCacheEntryError extends Ag2EvalError {
  static override readonly errorName: string = "ModelCacheEntryError";
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`model cache entry ${file}: ${problem}`);
  }
}

/**
 * A model cache was given options it cannot work with (an unknown mode, an empty folder, a
 * sample header that is not a positive integer).
 *
 * @example
 * ```ts
 * new ModelCache({ dir: ".ag2-eval/cache", mode: "readwrite" }); // throws: expected one of …
 * ```
 */
export class ModelCacheOptionsError extends Ag2EvalError {
  static override readonly errorName: string = "ModelCacheOptionsError";
}

/** `POST http://…/chat/completions (model gpt-4o, sample 2, last message "What is…")`. */
export function describeRequest(request: CacheRequest): string {
  const details: string[] = [];
  const body = request.body;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    if (typeof record.model === "string") details.push(`model ${record.model}`);
    details.push(`sample ${request.sample}`);
    const last = lastMessageText(record.messages ?? record.contents ?? record.input);
    if (last !== undefined) details.push(`last message ${JSON.stringify(excerpt(last))}`);
  } else {
    details.push(`sample ${request.sample}`);
  }
  return `${request.method} ${request.url} (${details.join(", ")})`;
}

function lastMessageText(messages: unknown): string | undefined {
  if (typeof messages === "string") return messages;
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  const last: unknown = messages[messages.length - 1];
  if (typeof last !== "object" || last === null) return undefined;
  const content = (last as { content?: unknown }).content;
  return typeof content === "string" ? content : JSON.stringify(content);
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
