import { SuiteFileError } from "./suite-file-error.js";

/** Target keys (as in the task) mapped to the source column or field that holds each value. */
export type ColumnMap = Readonly<Record<string, string>>;

/**
 * Where a CSV suite's or a JSON array's tasks take their parts from: a column (CSV) or a
 * top-level field (JSON) per part. A part left out falls back to the default mapping: for
 * CSV a `task_id` column, `input.<key>`/`inputs.<key>` columns (or one `input` column) as
 * inputs, `reference.<key>`/`reference_outputs.<key>` and `expected` as reference outputs,
 * `metadata.<key>` as metadata and a `tags` column split on `;`.
 *
 * @example
 * ```ts
 * const mapping: SuiteMapping = {
 *   taskId: "id", inputs: { input: "question" }, referenceOutputs: { answer: "gold" },
 *   tags: "labels", metadata: { source: "origin" },
 * };
 * const suite = await Suite.fromCsv("qa.csv", { mapping });
 * ```
 */
export interface SuiteMapping {
  readonly taskId?: string;
  /** A column name is short for `{ input: <column> }`. */
  readonly inputs?: ColumnMap | string;
  readonly referenceOutputs?: ColumnMap;
  readonly tags?: string;
  readonly metadata?: ColumnMap;
  /** Splits a tags cell (or a string field); `";"` by default. */
  readonly tagSeparator?: string;
}

/** A mapping with every part resolved against the header. */
export interface ResolvedMapping {
  readonly taskId: string | undefined;
  readonly inputs: ColumnMap;
  readonly referenceOutputs: ColumnMap;
  readonly tags: string | undefined;
  readonly metadata: ColumnMap;
  readonly tagSeparator: string;
}

function prefixed(header: readonly string[], prefixes: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const column of header) {
    const prefix = prefixes.find((p) => column.startsWith(p) && column.length > p.length);
    if (prefix !== undefined) map[column.slice(prefix.length)] = column;
  }
  return map;
}

/**
 * Resolves `mapping` against the columns (or fields) in `header`, filling the parts it
 * leaves out from the default mapping; a column the mapping names that `header` lacks is an
 * error naming the file, the part and the columns there are.
 */
export function resolveMapping(
  header: readonly string[],
  mapping: SuiteMapping,
  file: string,
): ResolvedMapping {
  const inputs = typeof mapping.inputs === "string" ? { input: mapping.inputs } : mapping.inputs;
  const defaultInputs = prefixed(header, ["inputs.", "input."]);
  if (Object.keys(defaultInputs).length === 0 && header.includes("input")) {
    defaultInputs.input = "input";
  }
  const defaultReference = prefixed(header, ["reference_outputs.", "reference."]);
  if (header.includes("expected")) defaultReference.expected ??= "expected";
  const resolved: ResolvedMapping = {
    taskId: mapping.taskId ?? (header.includes("task_id") ? "task_id" : undefined),
    inputs: inputs ?? defaultInputs,
    referenceOutputs: mapping.referenceOutputs ?? defaultReference,
    tags: mapping.tags ?? (header.includes("tags") ? "tags" : undefined),
    metadata: mapping.metadata ?? prefixed(header, ["metadata."]),
    tagSeparator: mapping.tagSeparator ?? ";",
  };
  const named: [string, string | undefined][] = [
    ["taskId", mapping.taskId],
    ["tags", mapping.tags],
    ...Object.entries(inputs ?? {}).map(([k, c]): [string, string] => [`inputs.${k}`, c]),
    ...Object.entries(mapping.referenceOutputs ?? {}).map(([k, c]): [string, string] => [
      `referenceOutputs.${k}`,
      c,
    ]),
    ...Object.entries(mapping.metadata ?? {}).map(([k, c]): [string, string] => [
      `metadata.${k}`,
      c,
    ]),
  ];
  for (const [part, column] of named) {
    if (column !== undefined && !header.includes(column)) {
      throw new SuiteFileError(
        `${file}: suite mapping ${part} names column '${column}', which is not there; columns: ${header.join(", ")}`,
        { path: file, line: 1, field: column },
      );
    }
  }
  return resolved;
}

function pick(row: Readonly<Record<string, unknown>>, map: ColumnMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map)) out[key] = row[column];
  return out;
}

/**
 * Builds a task record (reference keys) from one row or object through a resolved mapping;
 * a string in the tags column is split on the separator, blanks dropped.
 */
export function recordFromRow(
  row: Readonly<Record<string, unknown>>,
  mapping: ResolvedMapping,
): Record<string, unknown> {
  const reference = pick(row, mapping.referenceOutputs);
  const rawTags = mapping.tags === undefined ? undefined : row[mapping.tags];
  const tags =
    typeof rawTags === "string"
      ? rawTags
          .split(mapping.tagSeparator)
          .map((tag) => tag.trim())
          .filter((tag) => tag !== "")
      : rawTags;
  return {
    task_id: mapping.taskId === undefined ? undefined : row[mapping.taskId],
    inputs: pick(row, mapping.inputs),
    reference_outputs: Object.keys(reference).length === 0 ? null : reference,
    tags,
    metadata: pick(row, mapping.metadata),
  };
}
