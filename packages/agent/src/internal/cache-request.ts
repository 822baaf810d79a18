import { createHash } from "node:crypto";

/** What identifies a model call in the cache, with every secret left out. */
export interface CacheRequest {
  readonly method: string;
  /** The URL without credentials: user info and key-like query parameters are removed. */
  readonly url: string;
  /** Which sample of the same request this is (1 for the first repeat, or no repeats). */
  readonly sample: number;
  /** The parsed JSON body without key-like fields, or the raw text when it is not JSON. */
  readonly body: unknown;
}

// Query parameters and top-level body fields that carry credentials in the APIs people point SDKs
// at (Gemini's `?key=`, Azure SAS `sig`, gateways that take `api_key` in the body). Dropped, not
// masked: a rotated key must not change the entry a request maps to, and the files must not hold
// even part of one. Only the top level of the body: deeper down, a tool's parameter may well be
// called `api_key`, and dropping it would make two different requests one.
const SECRET_PARAM = /^(api[-_]?key|key|access[-_]?token|token|sig|signature)$/i;
const SECRET_FIELD =
  /^(api[-_]?key|apikey|x-api-key|authorization|access[-_]?token|client[-_]?secret)$/i;

/** The request as the cache sees it: credentials removed from the URL and the JSON body. */
export function cacheRequest(init: {
  readonly method: string;
  readonly url: string;
  readonly sample: number;
  readonly bodyText: string;
}): CacheRequest {
  return {
    method: init.method.toUpperCase(),
    url: safeUrl(init.url),
    sample: init.sample,
    body: parseBody(init.bodyText),
  };
}

/** The file-name-safe key of a request: sha-256 over its canonical JSON (keys sorted). */
export function cacheKey(request: CacheRequest): string {
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

function safeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  url.username = "";
  url.password = "";
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.delete(name);
  }
  return url.toString();
}

function parseBody(text: string): unknown {
  if (text === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return parsed;
  const kept: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(parsed)) {
    if (!SECRET_FIELD.test(name)) kept[name] = child;
  }
  return kept;
}

/** JSON with object keys sorted at every level, so key order never changes the hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, child]) => `${JSON.stringify(name)}:${canonicalJson(child)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
