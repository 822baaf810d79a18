import { ModelCacheOptionsError } from "../model-cache-errors.js";
import { MODEL_CACHE_SAMPLE_HEADER, MODEL_CACHE_STATUS_HEADER } from "../model-cache-headers.js";
import type { CachedAnswer } from "./cache-entry.js";

/** An answer, from the cache or the network; `headers` only for one from the network. */
export interface Outcome {
  readonly answer: CachedAnswer;
  /** The network response's headers; absent for a stored answer. */
  readonly headers?: Headers;
}

export interface ReadRequest {
  readonly url: string;
  readonly method: string;
  /** A copy: the sample header is removed from it before the request is sent on. */
  readonly headers: Headers;
  readonly bodyText: string;
  readonly signal: AbortSignal | null | undefined;
}

/** The parts of a fetch call the cache needs; a `Request` is built only when one was passed. */
export async function readRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<ReadRequest> {
  const body = init?.body;
  if (
    !(input instanceof Request) &&
    (body === undefined || body === null || typeof body === "string")
  ) {
    // what SDKs send: a URL and a string body, read without the cost of a Request
    return {
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      bodyText: body ?? "",
      signal: init?.signal,
    };
  }
  const request = new Request(input, init);
  return {
    url: request.url,
    method: request.method,
    headers: new Headers(request.headers),
    bodyText: request.body ? await request.text() : "",
    signal: request.signal,
  };
}

export function parseSample(text: string | null): number {
  if (text === null) return 1;
  if (/^[1-9][0-9]{0,8}$/.test(text)) return Number(text);
  throw new ModelCacheOptionsError(
    `model cache: header ${MODEL_CACHE_SAMPLE_HEADER}: expected a positive integer; got ${JSON.stringify(text)}`,
  );
}

export function toResponse(outcome: Outcome, hit: boolean): Response {
  const { answer } = outcome;
  const headers = new Headers();
  if (outcome.headers) {
    for (const [name, value] of outcome.headers) {
      // the text is already decoded and may differ in length from what came over the wire
      if (name !== "content-encoding" && name !== "content-length") headers.set(name, value);
    }
  } else if (answer.contentType !== null) {
    headers.set("content-type", answer.contentType);
  }
  headers.set(MODEL_CACHE_STATUS_HEADER, hit ? "hit" : "miss");
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return new Response(empty ? null : answer.text, { status: answer.status, headers });
}
