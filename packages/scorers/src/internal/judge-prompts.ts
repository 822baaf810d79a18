import type { Trace } from "@ag2/eval-core";
import { pythonStrRepr } from "@ag2/eval-core/internal";
import { pythonJsonDumps } from "./python-text.js";
import { trajectoryLines } from "./trace-text.js";

/** Python's `repr(float(x))` for the numbers the judge prompts print (`0.0`, `1.5`). */
export function pythonFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  return String(value);
}

function hasReference(reference: Readonly<Record<string, unknown>> | null): boolean {
  return reference !== null && Object.keys(reference).length > 0;
}

export function judgeSystemPrompt(criterion: string, low: number, high: number): string {
  return (
    "You are a strict evaluator grading an AI agent's response against a single criterion. " +
    `Criterion: ${criterion}\nReturn a numeric score from ${pythonFloat(low)} to ${pythonFloat(high)} ` +
    "(higher is better) and a brief reasoning. Judge only this criterion — nothing else."
  );
}

export function judgeUserPrompt(init: {
  input: unknown;
  body: string | undefined;
  reference: Readonly<Record<string, unknown>> | null;
  trace: Trace;
  includeTrace: boolean;
  includeReference: boolean;
}): string {
  const sections: string[] = [];
  if (init.input !== undefined && init.input !== null)
    sections.push(`## Task input\n${String(init.input)}`);
  sections.push(`## Agent answer\n${init.body || "(no answer)"}`);
  if (init.includeReference && hasReference(init.reference)) {
    sections.push(`## Reference\n${pythonJsonDumps(init.reference)}`);
  }
  if (init.includeTrace) sections.push(`## Trajectory\n${trajectoryLines(init.trace)}`);
  return sections.join("\n\n");
}

export function pairwiseSystemPrompt(criterion: string): string {
  return (
    `You are comparing two AI responses against a single criterion. Criterion: ${criterion}\n` +
    'Decide which response is better on THIS criterion only: answer "first", "second", or "tie". ' +
    "Do not favor a response for its position or its length."
  );
}

export function pairwiseUserPrompt(init: {
  input: unknown;
  reference: Readonly<Record<string, unknown>> | null;
  first: { text: string; trace: Trace };
  second: { text: string; trace: Trace };
  includeTrace: boolean;
  includeReference: boolean;
}): string {
  const input = init.input === undefined || init.input === null ? "" : String(init.input);
  const sections = [`## Task\n${input}`];
  if (init.includeReference && hasReference(init.reference)) {
    sections.push(`## Reference\n${pythonJsonDumps(init.reference)}`);
  }
  for (const [n, side] of [
    [1, init.first],
    [2, init.second],
  ] as const) {
    sections.push(`## Response ${n}\n${side.text}`);
    if (init.includeTrace)
      sections.push(`### Response ${n} trajectory\n${trajectoryLines(side.trace)}`);
  }
  return sections.join("\n\n");
}

function describeStep(event: Trace["events"][number]): string {
  switch (event.type) {
    case "ToolErrorEvent":
      return `tool error: ${event.name} -> ${event.error.message}`;
    case "ToolResultEvent":
      return `tool result: ${event.name}`;
    case "ToolCallEvent":
      return `tool call: ${event.name}(${event.arguments})`;
    case "ModelResponse":
      return `model: ${event.content === null ? "None" : pythonStrRepr(event.content)}`;
    default:
      return event.type;
  }
}

export function attributionUserPrompt(init: {
  input: unknown;
  reference: Readonly<Record<string, unknown>> | null;
  body: string | undefined;
  trace: Trace;
}): string {
  const input = init.input === undefined || init.input === null ? "" : String(init.input);
  const sections = [`## Task\n${input}`];
  if (hasReference(init.reference))
    sections.push(`## Reference\n${pythonJsonDumps(init.reference)}`);
  sections.push(`## Final answer\n${init.body || "(none)"}`);
  const steps = init.trace.events.map((event, i) => `[${i}] ${describeStep(event)}`);
  sections.push(`## Trajectory (numbered steps)\n${steps.join("\n")}`);
  return sections.join("\n\n");
}

/**
 * The attributor's system prompt. The reference does not fix this text, so it is ours; it
 * names the taxonomy so the model picks from it.
 */
export function attributionSystemPrompt(taxonomy: readonly string[]): string {
  return (
    "You are diagnosing an AI agent's run. Decide whether the run failed and, if it did, " +
    `classify the failure as exactly one error mode from: ${taxonomy.join(", ")}. ` +
    "Give decisive_step as the index of the numbered step where the run went wrong (-1 if " +
    "not applicable) and a brief reasoning."
  );
}
