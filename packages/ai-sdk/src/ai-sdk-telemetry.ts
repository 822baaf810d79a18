import type { AskOptions } from "@ag2/eval-core";
import type { TelemetrySettings } from "ai";

/** What {@link aiSdkTelemetry} takes besides the ask options: the SDK's own settings. */
export type AiSdkTelemetrySettings = Omit<TelemetrySettings, "tracer">;

type Tracer = NonNullable<TelemetrySettings["tracer"]>;

/** The task's tracer when it is an OpenTelemetry tracer (`otelTracing()` hands one out). */
function tracerOf(options: AskOptions | undefined): Tracer | undefined {
  const tracer = options?.tracer as Partial<Tracer> | null | undefined;
  return typeof tracer?.startActiveSpan === "function" && typeof tracer.startSpan === "function"
    ? (tracer as Tracer)
    : undefined;
}

/**
 * The AI SDK's `experimental_telemetry` for one `ask`: enabled, with the tracer `runAgent`
 * handed to this task, so the SDK's spans (`ai.generateText`, `…doGenerate`, `ai.toolCall`)
 * land in the task's trace. Without it the SDK records nothing the run can see and every
 * task grades an empty trace. `settings` are passed through (`functionId`, `metadata`,
 * `recordInputs`, `recordOutputs`); `isEnabled` defaults to true. A tracer that is not an
 * OpenTelemetry tracer (`eventTracing()` gives none) is left out.
 *
 * @example
 * ```ts
 * const agent: Agent = {
 *   name: "weather",
 *   ask: async (input, options) => {
 *     const { text } = await generateText({
 *       model, prompt: input, tools,
 *       experimental_telemetry: aiSdkTelemetry(options),
 *     });
 *     return text;
 *   },
 * };
 * ```
 */
export function aiSdkTelemetry(
  options: AskOptions | undefined,
  settings: AiSdkTelemetrySettings = {},
): TelemetrySettings {
  const tracer = tracerOf(options);
  return { ...settings, isEnabled: settings.isEnabled ?? true, ...(tracer ? { tracer } : {}) };
}
