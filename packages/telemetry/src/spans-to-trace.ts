import { Trace, type TraceEvent } from "@ag2/eval-core";
import { DEFAULT_CONVENTIONS } from "./default-conventions.js";
import type { SpanConvention } from "./span-convention.js";
import { nanos, type SpanData, spanError } from "./span-data.js";

/** Options of {@link spansToTrace}. */
export interface SpansToTraceOptions {
  /** Tried in order for each span; the first that recognizes it wins. */
  readonly conventions?: readonly SpanConvention[] | undefined;
  /** The measured run time; when absent, the root span's duration. */
  readonly durationMs?: number | undefined;
  /** Told when spans were given but no event came out of them. Default: a process warning. */
  readonly onWarning?: ((message: string) => void) | undefined;
}

function byStart(a: SpanData, b: SpanData): number {
  // compared, not subtracted: a bigint difference is one more allocation per comparison
  const x = nanos(a.startNs);
  const y = nanos(b.startNs);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The root: the earliest parentless agent span, else the earliest parentless span, else the
 * earliest span. A span whose parent is not in the list counts as parentless, so a trace
 * split across files (or exported in part) still finds its top.
 */
function rootOf(
  sorted: readonly SpanData[],
  conventions: readonly SpanConvention[],
): SpanData | undefined {
  const ids = new Set(sorted.map((span) => span.spanId));
  const parentless = sorted.filter((span) => !span.parentId || !ids.has(span.parentId));
  const isAgent = (span: SpanData) => conventions.some((c) => c.isAgentSpan?.(span) === true);
  return parentless.find(isAgent) ?? parentless[0] ?? sorted[0];
}

function spanMs(span: SpanData): number {
  return Number((nanos(span.endNs) - nanos(span.startNs)) / 1_000_000n);
}

function warn(message: string): void {
  process.emitWarning(message, { code: "AG2_EVAL_EMPTY_TRACE" });
}

/**
 * Rebuilds a {@link Trace} from spans: sorted by start time, each span read by the first
 * convention that recognizes it, the duration from `durationMs` or the root span, and the
 * exception from the root span — with its original type (`exception.type`, else
 * `error.type`). A tool error the agent handled leaves the root OK, so it is no exception.
 *
 * @example
 * ```ts
 * const trace = spansToTrace(otlpJsonToSpans(JSON.parse(text)));
 * trace.eventsOf("ToolCallEvent").map((call) => call.name);
 * ```
 */
export function spansToTrace(spans: readonly SpanData[], options: SpansToTraceOptions = {}): Trace {
  const conventions = options.conventions ?? DEFAULT_CONVENTIONS;
  const seen = new Set<string>();
  const unique = spans.filter((span) => !seen.has(span.spanId) && seen.add(span.spanId));
  const sorted = [...unique].sort(byStart);
  const events: TraceEvent[] = [];
  for (const span of sorted) {
    for (const convention of conventions) {
      const produced = convention.toEvents(span);
      if (produced === null) continue;
      events.push(...produced);
      break;
    }
  }
  if (sorted.length > 0 && events.length === 0) {
    (options.onWarning ?? warn)(`reconstructed 0 events from ${sorted.length} span(s)`);
  }
  const root = rootOf(sorted, conventions);
  const durationMs = options.durationMs ?? (root ? spanMs(root) : 0);
  return new Trace({
    events,
    exception: root ? spanError(root) : null,
    durationMs: Math.max(0, durationMs),
  });
}
