import { createRequire } from "node:module";
import type { z } from "zod";

/**
 * A zod schema as the JSON Schema a model is sent, without its `$schema` dialect line. Uses the
 * schema's own `.toJSONSchema()`, so the agent imports zod only as a type (zod's ~95 modules
 * stay unloaded); a schema from a zod 4 release without that method falls back to our zod's
 * `z.toJSONSchema`, loaded then.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const own = (schema as { toJSONSchema?: () => unknown }).toJSONSchema;
  const json =
    typeof own === "function"
      ? own.call(schema)
      : (createRequire(import.meta.url)("zod") as typeof import("zod")).toJSONSchema(schema);
  const { $schema: _dialect, ...rest } = json as Record<string, unknown>;
  return rest;
}
