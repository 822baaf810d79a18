import type { Trace, TraceRef, TraceSource } from "@ag2/eval-core";
import { ATTR } from "../conventions/semconv.js";
import type { SpanConvention } from "../conventions/span-convention.js";
import { otlpJsonToSpans } from "../convert/otlp-json-to-spans.js";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { readLimitedBody } from "./read-limited-body.js";
import { TempoRequestError } from "./tempo-request-error.js";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Options of {@link TempoTraceSource}. */
export interface TempoTraceSourceOptions {
  /** TraceQL query for the search; default `{}` (every trace). */
  readonly query?: string | undefined;
  /** How far back the search looks; default 3600 s. */
  readonly lookbackSeconds?: number | undefined;
  /** Most traces the search returns; default 20. */
  readonly limit?: number | undefined;
  /** Sent with every request, after `Accept: application/json`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The span attribute naming the task; default `ag2.eval.task_id`. */
  readonly taskIdAttribute?: string | undefined;
  readonly conventions?: readonly SpanConvention[] | undefined;
  /**
   * Longest a request may take, answer and body included, before it fails with a
   * {@link TempoRequestError}; default 30,000 ms.
   */
  readonly timeoutMs?: number | undefined;
  /** Largest response body read; a larger one fails without being read whole. Default 64 MiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Used as-is for every request (tests, proxies, auth); default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The first string value of `key` among a search result's matched spans. */
function taskIdOf(entry: Json, key: string): string | null {
  const sets = [...records(entry.spanSets), ...(isRecord(entry.spanSet) ? [entry.spanSet] : [])];
  for (const set of sets) {
    for (const span of records(set.spans)) {
      for (const attribute of records(span.attributes)) {
        const value = isRecord(attribute.value) ? attribute.value.stringValue : undefined;
        if (attribute.key === key && typeof value === "string") return value;
      }
    }
  }
  return null;
}

/**
 * Tempo's search writes trace ids without leading zeros (its trace-by-id takes either form);
 * padding back to 32 digits lets refs match the ids that runs and other sources record.
 */
function fullTraceId(traceId: string): string {
  return /^[0-9a-fA-F]{1,31}$/.test(traceId) ? traceId.padStart(32, "0") : traceId;
}

/**
 * Reads traces from Grafana Tempo's HTTP API. `list` searches (`GET /api/search` with the
 * TraceQL `query`, `limit` and a `start`/`end` window of `lookbackSeconds`) and yields a ref per
 * trace (its id padded back to 32 hex digits, which Tempo's search trims), with the task id
 * from the matched spans' `taskIdAttribute` (Tempo returns it only when the query selects it,
 * so `| select(span.<taskIdAttribute>)` is appended to a query that selects nothing); `load` fetches `GET /api/traces/<id>` and
 * rebuilds the trace. A non-2xx answer is a {@link TempoRequestError} naming the URL and status.
 *
 * @example
 * ```ts
 * const source = new TempoTraceSource("http://localhost:3200", {
 *   query: '{ span.ag2.eval.run_id = "nightly-42" }',
 * });
 * const result = await evaluateTraces(source, { scorers, suite });
 * ```
 */
export class TempoTraceSource implements TraceSource {
  readonly baseUrl: string;
  readonly #options: TempoTraceSourceOptions;

  constructor(baseUrl: string, options: TempoTraceSourceOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.#options = options;
  }

  async *list(): AsyncIterable<TraceRef> {
    const end = Math.floor(Date.now() / 1000);
    const key = this.#options.taskIdAttribute ?? ATTR.taskId;
    const params = new URLSearchParams({
      q: selectingTaskId(this.#options.query ?? "{}", key),
      limit: String(this.#options.limit ?? 20),
      start: String(end - (this.#options.lookbackSeconds ?? 3600)),
      end: String(end),
    });
    const body = await this.#get(`${this.baseUrl}/api/search?${params}`);
    for (const entry of records(isRecord(body) ? body.traces : undefined)) {
      if (typeof entry.traceID !== "string" || entry.traceID === "") continue;
      yield {
        traceId: fullTraceId(entry.traceID),
        taskId: taskIdOf(entry, key),
        metadata: { rootService: entry.rootServiceName, rootSpan: entry.rootTraceName },
      };
    }
  }

  async load(ref: TraceRef, options: { signal?: AbortSignal } = {}): Promise<Trace> {
    const body = await this.#get(
      `${this.baseUrl}/api/traces/${encodeURIComponent(ref.traceId)}`,
      options.signal,
    );
    return spansToTrace(otlpJsonToSpans(body), { conventions: this.#options.conventions });
  }

  async #get(url: string, signal?: AbortSignal): Promise<unknown> {
    const fetchFn = this.#options.fetch ?? fetch;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = this.#options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    // one deadline for the answer and the body: a server that answers, then stalls, is caught
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const failed = (error: unknown, status: number | null): never => {
      if (signal?.aborted) throw error;
      const problem = deadline.aborted
        ? `no complete answer within ${timeoutMs} ms (the timeoutMs option)`
        : `request failed (${(error as Error).message})`;
      throw new TempoRequestError(url, status, problem, { cause: error });
    };
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: { Accept: "application/json", ...this.#options.headers },
        signal: combined,
      });
    } catch (error) {
      return failed(error, null);
    }
    let text: string | null;
    try {
      text = await readLimitedBody(response, maxBytes);
    } catch (error) {
      return failed(error, response.status);
    }
    if (text === null) {
      throw new TempoRequestError(
        url,
        response.status,
        `got a body larger than ${maxBytes} bytes, the maxBodyBytes option's limit`,
      );
    }
    if (!response.ok) {
      const detail = text.slice(0, 200);
      const problem = `got HTTP ${response.status}${detail ? ` (${detail})` : ""}, expected 2xx`;
      throw new TempoRequestError(url, response.status, problem);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new TempoRequestError(
        url,
        response.status,
        `got a body that is not JSON (${(error as Error).message}), expected OTLP JSON`,
        { cause: error },
      );
    }
  }
}

/**
 * `query` asking Tempo to return `key` with the matched spans: a search answers with a span's
 * attributes only when the TraceQL query selects them. A query that selects already is kept.
 */
function selectingTaskId(query: string, key: string): string {
  if (/\|\s*select\s*\(/.test(query)) return query;
  const attribute = /^[\w.]+$/.test(key) ? key : JSON.stringify(key);
  return `${query} | select(span.${attribute})`;
}
