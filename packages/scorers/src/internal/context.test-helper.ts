import {
  createTask,
  type Outputs,
  type ScorerContext,
  Trace,
  type TraceEvent,
} from "@ag2/eval-core";

/** A model response event. */
export function answer(content: string | null, extra: Record<string, unknown> = {}): TraceEvent {
  return { type: "ModelResponse", content, ...extra } as TraceEvent;
}

export function call(
  name: string,
  args: unknown = {},
  id = `${name}-${Math.random()}`,
): TraceEvent {
  return {
    type: "ToolCallEvent",
    id,
    name,
    arguments: typeof args === "string" ? args : JSON.stringify(args),
  };
}

export function result(name: string, value: string): TraceEvent {
  return { type: "ToolResultEvent", parentId: "p", name, result: value };
}

export function toolError(name: string, message: string): TraceEvent {
  return { type: "ToolErrorEvent", parentId: "p", name, error: { type: "ToolError", message } };
}

function outputsOf(trace: Trace): Outputs {
  const responses = trace.eventsOf("ModelResponse");
  const text = responses[responses.length - 1]?.content;
  if (text === null || text === undefined) return {};
  try {
    return { body: text, content: JSON.parse(text) };
  } catch {
    return { body: text, content: text };
  }
}

/** A scorer context as the grading core builds it (outputs from the last model response). */
export function context(
  init: {
    events?: TraceEvent[];
    reference?: Record<string, unknown> | null;
    input?: string;
    exception?: { type: string; message: string } | null;
    durationMs?: number;
  } = {},
): ScorerContext {
  const trace = new Trace({
    events: init.events ?? [],
    exception: init.exception ?? null,
    durationMs: init.durationMs ?? 0,
  });
  const inputs = init.input === undefined ? {} : { input: init.input };
  const task = createTask({ taskId: "t1", inputs, referenceOutputs: init.reference ?? null });
  return {
    inputs,
    outputs: outputsOf(trace),
    referenceOutputs: task.referenceOutputs,
    trace,
    task,
  };
}
