import type { z } from "zod";

/**
 * One line per zod issue, `path: message` (or just the message at the root), so an error
 * names the field that failed.
 *
 * @example
 * ```ts
 * formatIssues(schema.safeParse(value).error!); // ["score: Invalid input: expected number, received string"]
 * ```
 */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
