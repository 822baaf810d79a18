import type { TraceRef, TraceSource } from "@ag2/eval-core";

/** Every ref a source lists, in order. */
export async function collect(source: TraceSource): Promise<TraceRef[]> {
  const refs: TraceRef[] = [];
  for await (const ref of source.list()) refs.push(ref);
  return refs;
}
