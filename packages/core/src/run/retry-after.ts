/**
 * A `Retry-After` header value in milliseconds: delta-seconds (fractions allowed) or an HTTP
 * date, counted from `now`. Undefined when absent, empty or unreadable; a date in the past is 0.
 *
 * @example
 * ```ts
 * parseRetryAfter("2.5"); // 2500
 * parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", Date.parse("2026-01-01T00:00:00Z")); // 30000
 * ```
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header === undefined || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

type HeaderBag = { get(name: string): string | null } | Readonly<Record<string, unknown>>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof headers.get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}

/**
 * The wait a response's headers ask for, in milliseconds: `retry-after-ms` (sent by OpenAI
 * and Azure), else `retry-after`. `headers` is a fetch `Headers` or a plain record (the AI
 * SDK's `responseHeaders`), read case-insensitively.
 */
export function retryAfterFromHeaders(headers: unknown): number | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const bag = headers as HeaderBag;
  const ms = Number(header(bag, "retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  return parseRetryAfter(header(bag, "retry-after"));
}
