export { AG2GenAIConvention } from "./ag2-genai-convention.js";
export { AISDKConvention } from "./ai-sdk-convention.js";
export { DEFAULT_CONVENTIONS } from "./default-conventions.js";
export { DirectoryTraceSource } from "./directory-trace-source.js";
export { OpenInferenceConvention } from "./open-inference-convention.js";
export type { OtelTracingOptions } from "./otel-tracing.js";
export { otelTracing } from "./otel-tracing.js";
export type { OtlpFileTraceSourceOptions } from "./otlp-file-trace-source.js";
export { OtlpFileTraceSource } from "./otlp-file-trace-source.js";
export { otlpJsonToSpans } from "./otlp-json-to-spans.js";
export { readableSpanToData } from "./readable-span-to-data.js";
export { readableSpansToTrace } from "./readable-spans-to-trace.js";
export type { SaveTraceOptions } from "./save-trace.js";
export { saveTrace } from "./save-trace.js";
export { ALIASES, ATTR, SPAN_TYPE } from "./semconv.js";
export type { SpanConvention } from "./span-convention.js";
export type {
  Attributes,
  AttributeValue,
  SpanData,
  SpanEvent,
  SpanStatusName,
} from "./span-data.js";
export type { SpansToTraceOptions } from "./spans-to-trace.js";
export { spansToTrace } from "./spans-to-trace.js";
export { TelemetryMiddleware } from "./telemetry-middleware.js";
export type { TelemetryMiddlewareOptions } from "./telemetry-middleware-options.js";
export { TempoRequestError } from "./tempo-request-error.js";
export type { TempoTraceSourceOptions } from "./tempo-trace-source.js";
export { TempoTraceSource } from "./tempo-trace-source.js";
export { TraceFileError } from "./trace-file-error.js";
export { InvalidTraceIdError } from "./trace-file-name.js";
export type { TraceToSpansOptions } from "./trace-to-spans.js";
export { traceToSpans } from "./trace-to-spans.js";
