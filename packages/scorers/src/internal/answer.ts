import type { Outputs } from "@ag2/eval-core";

/**
 * The answer a text scorer reads: `outputs.content[field]` when a field is named and the output
 * parsed as a JSON object holding it, else the raw `outputs.body`. Undefined when there is none.
 */
export function answerOf(outputs: Outputs, field?: string): unknown {
  const content = outputs.content;
  if (
    field !== undefined &&
    typeof content === "object" &&
    content !== null &&
    !Array.isArray(content) &&
    Object.hasOwn(content, field)
  ) {
    return (content as Record<string, unknown>)[field];
  }
  return outputs.body ?? undefined;
}

/** Renders a value for a comment, shortened so feedback stays readable. */
export function preview(value: unknown, max = 80): string {
  const text =
    typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Resolves the expected value: the given one, else `referenceOutputs[field]`. */
export function expectedOf(
  given: { expected?: unknown },
  referenceOutputs: Readonly<Record<string, unknown>> | null,
  field: string,
): { found: true; value: unknown } | { found: false } {
  if (Object.hasOwn(given, "expected") && given.expected !== undefined) {
    return { found: true, value: given.expected };
  }
  if (referenceOutputs && Object.hasOwn(referenceOutputs, field)) {
    return { found: true, value: referenceOutputs[field] };
  }
  return { found: false };
}
