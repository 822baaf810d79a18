import { Trace, type TraceEvent } from "@ag2/eval-core";
import { DEFAULT_CONVENTIONS } from "../conventions/default-conventions.js";
import type { SpanConvention } from "../conventions/span-convention.js";
import { GENERATED_CALL_IDS } from "../conventions/tool-outcome.js";
import { nanos, type SpanData, spanError } from "../spans/span-data.js";
import { matchToolCalls } from "./match-tool-calls.js";

/** Options of {@link spansToTrace}. */
export interface SpansToTraceOptions {
  /** Tried in order for each span; the first that recognizes it wins. */
  readonly conventions?: readonly SpanConvention[] | undefined;
  /** The measured run time; when absent, the root span's duration. */
  readonly durationMs?: number | undefined;
  /**
   * Told when spans were given but no event came out of them, and of each distinct field a
   * convention found missing (see {@link SpanConvention}). Default: a process warning.
   */
  readonly onWarning?: ((message: string) => void) | undefined;
}

function byStart(a: SpanData, b: SpanData): number {
  // compared, not subtracted: a bigint difference is one more allocation per comparison
  const x = nanos(a.startNs);
  const y = nanos(b.startNs);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Up to this many spans (a task's trace, typically) are deduplicated and sorted by hand: the
// built-in sort and a Set of ids cost more allocation than the spans' own data.
const SMALL = 16;

/** The spans, first of each id only, sorted by start; ties keep their given order. */
function sortedUnique(spans: readonly SpanData[]): SpanData[] {
  if (spans.length > SMALL) {
    const seen = new Set<string>();
    return spans.filter((span) => !seen.has(span.spanId) && seen.add(span.spanId)).sort(byStart);
  }
  const sorted: SpanData[] = [];
  // index loops: a for-of allocates an iterator until the function is optimized
  next: for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as SpanData;
    for (let j = 0; j < sorted.length; j++) {
      if ((sorted[j] as SpanData).spanId === span.spanId) continue next;
    }
    // an insertion sort: after every span that starts no later, as a stable sort would
    let at = sorted.length;
    sorted.push(span);
    for (; at > 0 && byStart(sorted[at - 1] as SpanData, span) > 0; at--) {
      sorted[at] = sorted[at - 1] as SpanData;
    }
    sorted[at] = span;
  }
  return sorted;
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
  const ids = sorted.length > SMALL ? new Set(sorted.map((span) => span.spanId)) : null;
  const has = (id: string) => (ids ? ids.has(id) : sorted.some((span) => span.spanId === id));
  let parentless: SpanData | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const span = sorted[i] as SpanData;
    if (span.parentId && has(span.parentId)) continue;
    if (conventions.some((c) => c.isAgentSpan?.(span) === true)) return span;
    parentless ??= span;
  }
  return parentless ?? sorted[0];
}

function spanMs(span: SpanData): number {
  return Number((nanos(span.endNs) - nanos(span.startNs)) / 1_000_000n);
}

function warnEmpty(message: string): void {
  process.emitWarning(message, { code: "AG2_EVAL_EMPTY_TRACE" });
}

function warnGap(message: string): void {
  process.emitWarning(message, { code: "AG2_EVAL_SPAN_MISSING_FIELD" });
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
  const sorted = sortedUnique(spans);
  const events: TraceEvent[] = [];
  // allocated only when a convention finds a gap: the usual trace builds no set
  let gaps: Set<string> | undefined;
  const note = (message: string): void => {
    gaps ??= new Set();
    gaps.add(message);
  };
  for (let i = 0; i < sorted.length; i++) {
    const span = sorted[i] as SpanData;
    for (let c = 0; c < conventions.length; c++) {
      const produced = (conventions[c] as SpanConvention).toEvents(span, note);
      if (produced === null) continue;
      for (let e = 0; e < produced.length; e++) events.push(produced[e] as TraceEvent);
      break;
    }
  }
  if (gaps) for (const gap of gaps) (options.onWarning ?? warnGap)(gap);
  if (sorted.length > 0 && events.length === 0) {
    (options.onWarning ?? warnEmpty)(`reconstructed 0 events from ${sorted.length} span(s)`);
  }
  const matched = matchToolCalls(events, GENERATED_CALL_IDS);
  const root = rootOf(sorted, conventions);
  const durationMs = options.durationMs ?? (root ? spanMs(root) : 0);
  return new Trace({
    events: matched,
    exception: root ? spanError(root) : null,
    durationMs: Math.max(0, durationMs),
  });
}
