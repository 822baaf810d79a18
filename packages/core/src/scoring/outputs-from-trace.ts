import type { Trace } from "../trace/trace.js";
import type { ModelResponse, TraceEvent } from "../trace/trace-events.js";
import type { Outputs } from "./scorer.js";

/**
 * The outputs scorers read, from the trace's LAST model response: `{}` when there is none or
 * its content is null (even if an earlier response had text); else `body` is the text and
 * `content` the text parsed as JSON when it parses, the text itself otherwise.
 *
 * @example
 * ```ts
 * outputsFromTrace(trace); // { body: '{"a":1}', content: { a: 1 } }
 * ```
 */
export function outputsFromTrace(trace: Trace): Outputs {
  const last = lastModelResponse(trace);
  return last ? outputsFromResponse(last) : {};
}

/** The trace's last model response, found without copying the events (once per task). */
export function lastModelResponse(trace: Trace): ModelResponse | undefined {
  const { events } = trace;
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index] as TraceEvent;
    if (event.type === "ModelResponse") return event;
  }
  return undefined;
}

/** {@link outputsFromTrace} for a response already found. */
export function outputsFromResponse(response: ModelResponse): Outputs {
  if (response.content === null || response.content === undefined) return {};
  return outputsFromText(response.content);
}

/** `{ body: text, content: JSON.parse(text) }`, or the text as content when it is not JSON. */
export function outputsFromText(text: string): Outputs {
  // a failed JSON.parse throws, and thrown errors cost more than the rest of grading a task
  if (!mayBeJson(text)) return { body: text, content: text };
  try {
    return { body: text, content: JSON.parse(text) };
  } catch {
    return { body: text, content: text };
  }
}

const JSON_START = /^[\s]*[{["\-0-9]|^\s*(?:true|false|null)\s*$/;

function mayBeJson(text: string): boolean {
  const first = text.charCodeAt(0);
  // a printable ASCII first character (no whitespace) decides without the regex, which showed
  // up at several microseconds a task in W2's profile; anything else goes through it
  if (first > 0x20 && first < 0x7f) {
    if (first === 0x7b || first === 0x5b || first === 0x22 || first === 0x2d) return true;
    if (first >= 0x30 && first <= 0x39) return true;
    if (first !== 0x74 && first !== 0x66 && first !== 0x6e) return false;
  }
  return JSON_START.test(text);
}

/**
 * Outputs from what `Agent.ask` returned, used when the trace holds no model response: a
 * string is the body; an agent reply (an object with a string `content`) gives its content;
 * any other object is the content and its JSON the body; null or undefined give `{}`.
 *
 * @example
 * ```ts
 * outputsFromValue("Paris"); // { body: "Paris", content: "Paris" }
 * outputsFromValue({ city: "Paris" }); // { body: '{"city":"Paris"}', content: { city: "Paris" } }
 * ```
 */
export function outputsFromValue(value: unknown): Outputs {
  if (value === null || value === undefined) return {};
  if (typeof value === "string") return outputsFromText(value);
  if (typeof value === "object" && typeof (value as { content?: unknown }).content === "string") {
    return outputsFromText((value as { content: string }).content);
  }
  let body: string | undefined;
  try {
    body = JSON.stringify(value);
  } catch {
    body = String(value);
  }
  return body === undefined ? { content: value } : { body, content: value };
}
