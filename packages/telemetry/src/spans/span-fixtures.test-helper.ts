import type { Attributes, SpanData, SpanEvent } from "./span-data.js";

export const MS = 1_000_000n;
export const T0 = 1_795_682_347_000_000_000n;

export function span(
  name: string,
  id: string,
  parent: string | null,
  startMs: number,
  endMs: number,
  attributes: Attributes,
  extra: { status?: "OK" | "ERROR"; events?: SpanEvent[] } = {},
): SpanData {
  return {
    name,
    spanId: id,
    parentId: parent,
    startNs: T0 + BigInt(startMs) * MS,
    endNs: T0 + BigInt(endMs) * MS,
    attributes,
    status: extra.status ?? "UNSET",
    events: extra.events ?? [],
  };
}
