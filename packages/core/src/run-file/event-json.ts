import type { TraceEvent } from "../trace/trace-events.js";

/** An event as stored: its `type`, then its fields in snake_case, `created_at` in seconds. */
export type EventJSON = { type: string } & Record<string, unknown>;

const toSnake = (key: string): string => key.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
const toCamel = (key: string): string =>
  key.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase());

/**
 * `rename` remembered per key: every task's events repeat the same few field names, and a
 * regex replace per key per event was a visible part of writing each journal line. Bounded,
 * so odd keys (a tool's arbitrary result fields) cannot grow it without limit.
 */
function remembered(rename: (key: string) => string): (key: string) => string {
  const names = new Map<string, string>();
  return (key) => {
    let name = names.get(key);
    if (name === undefined) {
      name = rename(key);
      if (names.size < 1024) names.set(key, name);
    }
    return name;
  };
}

const snakeName = remembered(toSnake);
const camelName = remembered(toCamel);

function convertKeys(value: unknown, rename: (key: string) => string): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, rename));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Object.keys, not Object.entries: no [key, value] pair allocated per field
  const keys = Object.keys(record);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const inner = record[key];
    if (inner !== undefined) out[rename(key)] = convertKeys(inner, rename);
  }
  return out;
}

/**
 * A trace event in the run file's form. The file is snake_case throughout, and the reference
 * stamps events with `created_at` in epoch seconds, so our epoch milliseconds are converted.
 *
 * @example
 * ```ts
 * eventToJSON({ type: "ToolResultEvent", parentId: "c1", name: "f", result: "ok", createdAt: 1500 });
 * // { type: "ToolResultEvent", parent_id: "c1", name: "f", result: "ok", created_at: 1.5 }
 * ```
 */
export function eventToJSON(event: TraceEvent): EventJSON {
  const json = convertKeys(event, snakeName) as EventJSON;
  if (typeof json.created_at === "number") json.created_at = json.created_at / 1000;
  return json;
}

/** The inverse of {@link eventToJSON}; what it returns still has to pass the event schema. */
export function eventFromJSON(json: unknown): unknown {
  const event = convertKeys(json, camelName);
  if (typeof event === "object" && event !== null && "createdAt" in event) {
    const record = event as Record<string, unknown>;
    if (typeof record.createdAt === "number")
      record.createdAt = Math.round(record.createdAt * 1000);
  }
  return event;
}
