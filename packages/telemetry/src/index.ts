export { TracerRouter } from "./context/tracer-router.js";
export { AG2GenAIConvention } from "./conventions/ag2-genai-convention.js";
export { AISDKConvention } from "./conventions/ai-sdk-convention.js";
export { DEFAULT_CONVENTIONS } from "./conventions/default-conventions.js";
export { OpenInferenceConvention } from "./conventions/open-inference-convention.js";
export { ALIASES, ATTR, SPAN_TYPE } from "./conventions/semconv.js";
export type { SpanConvention } from "./conventions/span-convention.js";
export { otlpJsonToSpans } from "./convert/otlp-json-to-spans.js";
export { readableSpansToTrace } from "./convert/readable-spans-to-trace.js";
export type { SpansToTraceOptions } from "./convert/spans-to-trace.js";
export { spansToTrace } from "./convert/spans-to-trace.js";
export type { TraceToSpansOptions } from "./convert/trace-to-spans.js";
export { traceToSpans } from "./convert/trace-to-spans.js";
export { TelemetryMiddleware } from "./middleware/telemetry-middleware.js";
export type { TelemetryMiddlewareOptions } from "./middleware/telemetry-middleware-options.js";
export { DirectoryTraceSource } from "./sources/directory-trace-source.js";
export type { OtlpFileTraceSourceOptions } from "./sources/otlp-file-trace-source.js";
export { OtlpFileTraceSource } from "./sources/otlp-file-trace-source.js";
export type { SaveTraceOptions } from "./sources/save-trace.js";
export { saveTrace } from "./sources/save-trace.js";
export { TempoRequestError } from "./sources/tempo-request-error.js";
export type { TempoTraceSourceOptions } from "./sources/tempo-trace-source.js";
export { TempoTraceSource } from "./sources/tempo-trace-source.js";
export { TraceFileError } from "./sources/trace-file-error.js";
export { InvalidTraceIdError } from "./sources/trace-file-name.js";
export { readableSpanToData } from "./spans/readable-span-to-data.js";
export type {
  Attributes,
  AttributeValue,
  SpanData,
  SpanEvent,
  SpanStatusName,
} from "./spans/span-data.js";
export type { OtelTracingOptions } from "./tracing/otel-tracing.js";
export { otelTracing } from "./tracing/otel-tracing.js";
