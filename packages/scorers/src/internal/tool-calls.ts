import type { Trace } from "@ag2/eval-core";

/** A tool call with its arguments parsed from JSON (the raw text when it does not parse). */
export interface ParsedCall {
  readonly name: string;
  readonly args: unknown;
  readonly raw: string;
}

export function parseArgs(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The trace's tool calls in order, arguments parsed. */
export function toolCallsOf(trace: Trace): ParsedCall[] {
  return trace
    .eventsOf("ToolCallEvent")
    .map((event) => ({ name: event.name, args: parseArgs(event.arguments), raw: event.arguments }));
}

/** `name({"a":1})` for comments. */
export function describeCall(name: string, args: unknown): string {
  if (args === undefined) return name;
  const text = typeof args === "string" ? args : JSON.stringify(args);
  return `${name}(${text.length > 80 ? `${text.slice(0, 79)}…` : text})`;
}
