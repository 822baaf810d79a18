import type { ErrorObject } from "ajv/dist/2020.js";
import { ScorerOptionsError } from "../scorer-options-error.js";

/** One failing location: a JSONPath-like path (`$.items[2].name`) and what was wrong. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** Checks one value; an empty list means it is valid. */
export type SchemaCheck = (value: unknown) => SchemaIssue[];

type Ajv = import("ajv/dist/2020.js").Ajv2020;

// Ajv and its formats are ~60 modules: loaded once, by the first schema anyone compiles, so an
// evaluation that never scores with a JSON Schema never pays for them. One Ajv per set of
// annotation keywords: a new instance compiles the draft's meta-schema again (~60 ms here),
// a shared one compiles a small schema in a few.
let loaded: Promise<(annotations: readonly string[]) => Ajv> | undefined;

async function load(): Promise<(annotations: readonly string[]) => Ajv> {
  const [{ Ajv2020 }, formats] = await Promise.all([
    import("ajv/dist/2020.js"),
    import("ajv-formats"),
  ]);
  const instances = new Map<string, Ajv>();
  return (annotations) => {
    const id = JSON.stringify([...annotations].sort());
    let ajv = instances.get(id);
    if (!ajv) {
      ajv = new Ajv2020({
        allErrors: true,
        verbose: true,
        strictSchema: true,
        strictTypes: false,
        strictTuples: false,
        strictRequired: false,
      });
      // ajv-formats is CommonJS: its plugin is `default` of the module's `default`
      formats.default.default(ajv);
      if (annotations.length > 0) ajv.addVocabulary([...annotations]);
      instances.set(id, ajv);
    }
    return ajv;
  };
}

/**
 * Compiles `schema` (JSON Schema draft 2020-12, formats included) into a check. An unknown
 * keyword or format is an error rather than something silently ignored, since a misspelt
 * `reqired` would otherwise pass every value; `annotations` names keywords the schema carries
 * for other readers.
 *
 * @throws {ScorerOptionsError} naming Ajv's complaint when the schema is not valid.
 */
export async function compileJsonSchema(
  schema: object | boolean,
  options: { readonly label: string; readonly annotations?: readonly string[] },
): Promise<SchemaCheck> {
  if (!loaded) loaded = load();
  const ajv = (await loaded)(options.annotations ?? []);
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    // Ajv lists one line per failing meta-schema branch, often the same line many times
    const reason = [
      ...new Set((error instanceof Error ? error.message : String(error)).split(", ")),
    ].join(", ");
    throw new ScorerOptionsError(
      `${options.label}: the schema is not a valid JSON Schema (draft 2020-12): ${reason}`,
      { cause: error },
    );
  } finally {
    // the shared instance keeps no schema by its `$id`, so two scorers may use one `$id` with
    // different contents; the compiled function needs nothing from the registry
    if (typeof schema === "object") ajv.removeSchema(schema);
  }
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((error) => toIssue(error, value));
}

function toIssue(error: ErrorObject, root: unknown): SchemaIssue {
  const path = pointerToPath(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return {
        path: childPath(path, String(params.missingProperty)),
        message: "missing required property",
      };
    case "dependentRequired":
      return {
        path: childPath(path, String(params.missingProperty)),
        message: `missing property required when ${JSON.stringify(params.property)} is present`,
      };
    case "additionalProperties":
      return {
        path: childPath(path, String(params.additionalProperty)),
        message: "unexpected property",
      };
    case "unevaluatedProperties":
      return {
        path: childPath(path, String(params.unevaluatedProperty)),
        message: "unexpected property (no subschema allows it)",
      };
    default:
      return { path, message: `${error.message ?? error.keyword}, got ${preview(error.data)}` };
  }
}

/** `/tags/1` → `$.tags[1]`, reading the value to tell an array index from a key named "1". */
function pointerToPath(pointer: string, root: unknown): string {
  if (pointer === "") return "$";
  let path = "$";
  let at: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(at)) {
      path += `[${part}]`;
      at = at[Number(part)];
    } else {
      path = childPath(path, part);
      at =
        typeof at === "object" && at !== null ? (at as Record<string, unknown>)[part] : undefined;
    }
  }
  return path;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The offending value as JSON, cut short so one long string cannot flood the comment. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
