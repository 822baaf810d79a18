import type { ErrorInfo } from "@ag2/eval-core";
import { toErrorInfo } from "@ag2/eval-core/internal";
import { type Span, SpanStatusCode } from "@opentelemetry/api";
import { ATTR } from "../conventions/semconv.js";

/**
 * Records an error on a span the way the converter reads it back: an `exception` event with
 * `exception.type` (the class name, not `code` as `recordException` would prefer), the
 * `error.type` attribute and status ERROR.
 */
export function markSpanError(span: Span, error: unknown): void {
  markSpanErrorInfo(span, toErrorInfo(error));
}

/** {@link markSpanError} for an error already turned into data (a handled tool error). */
export function markSpanErrorInfo(span: Span, info: ErrorInfo): void {
  span.addEvent("exception", {
    "exception.type": info.type,
    "exception.message": info.message,
    ...(info.stack ? { "exception.stacktrace": info.stack } : {}),
  });
  span.setAttribute(ATTR.errorType, info.type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: info.message });
}
