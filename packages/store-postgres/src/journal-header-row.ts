import type { JournalHeader } from "@ag2/eval-core/internal";
import { PostgresStoreError } from "./postgres-store-error.js";

/** The header column's text: the header as JSON, every field written. */
export function headerText(header: JournalHeader): string {
  return JSON.stringify({
    runId: header.runId,
    label: header.label,
    createdAt: header.createdAt,
    target: header.target,
    concurrency: header.concurrency,
    suite: { name: header.suite.name, source: header.suite.source, size: header.suite.size },
    taskIds: [...header.taskIds],
    ...(header.scorers ? { scorers: [...header.scorers] } : {}),
    ...(header.invocation ? { invocation: header.invocation } : {}),
  });
}

/**
 * The header back from its column. Rows come from this store's own schema, so a bad one means
 * the table was edited by hand: an error naming the run and the field, not a guess.
 */
export function headerFromText(
  text: string,
  context: { target: string; runId: string },
): JournalHeader {
  const fail = (problem: string) =>
    new PostgresStoreError({
      target: context.target,
      operation: `read the journal of run ${JSON.stringify(context.runId)}`,
      reason: `its header row is damaged: ${problem}`,
    });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw fail("not valid JSON");
  }
  if (typeof json !== "object" || json === null) throw fail("expected an object");
  for (const field of ["runId", "createdAt", "target"]) {
    if (typeof json[field] !== "string") throw fail(`${field}: expected a string`);
  }
  if (!Array.isArray(json.taskIds)) throw fail("taskIds: expected an array of strings");
  if (typeof json.suite !== "object" || json.suite === null)
    throw fail("suite: expected an object");
  return json as unknown as JournalHeader;
}

/** Whether two headers start the same run: a resume reuses its journal's header. */
export function sameHeader(a: JournalHeader, b: JournalHeader): boolean {
  return (
    a.runId === b.runId &&
    a.createdAt === b.createdAt &&
    a.taskIds.length === b.taskIds.length &&
    a.taskIds.every((id, index) => id === b.taskIds[index])
  );
}
