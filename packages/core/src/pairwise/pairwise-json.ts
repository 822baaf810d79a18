import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import type { PairwiseCase, PairwiseRunResultInit, PairwiseWinner } from "./pairwise-types.js";

/**
 * A pairwise result file that cannot be read back: the message names the source, the field,
 * what was found and what was expected.
 *
 * @example
 * ```ts
 * try { PairwiseRunResult.fromJSON(JSON.parse(text), { source: path }); }
 * catch (error) { if (PairwiseJsonError.isInstance(error)) console.error(error.field); }
 * ```
 */
export class PairwiseJsonError extends Ag2EvalError {
  static override readonly errorName: string = "PairwiseJsonError";
  readonly source: string;
  readonly field: string;

  constructor(source: string, field: string, got: unknown, expected: string) {
    super(
      `${source}: pairwise result field \`${field}\`: got ${describe(got)}, expected ${expected}`,
    );
    this.source = source;
    this.field = field;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads the fields of a pairwise JSON document, checking each one. */
export function parsePairwiseJson(json: unknown, source = "pairwise JSON"): PairwiseRunResultInit {
  if (!isObject(json)) throw new PairwiseJsonError(source, "(document)", json, "an object");
  const field = <T>(name: string, ok: (value: unknown) => boolean, expected: string): T => {
    if (!ok(json[name])) throw new PairwiseJsonError(source, name, json[name], expected);
    return json[name] as T;
  };
  const isString = (value: unknown) => typeof value === "string";
  const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  const rawCases = field<unknown[]>("cases", Array.isArray, "an array of cases");
  const cases = rawCases.map((raw, i): PairwiseCase => {
    const at = (name: string) => `cases[${i}].${name}`;
    if (!isObject(raw)) throw new PairwiseJsonError(source, `cases[${i}]`, raw, "an object");
    if (!isString(raw.task_id))
      throw new PairwiseJsonError(source, at("task_id"), raw.task_id, "a string");
    if (!isString(raw.key)) throw new PairwiseJsonError(source, at("key"), raw.key, "a string");
    if (raw.reasoning !== null && raw.reasoning !== undefined && !isString(raw.reasoning)) {
      throw new PairwiseJsonError(source, at("reasoning"), raw.reasoning, "a string or null");
    }
    if (raw.detail !== undefined && raw.detail !== null && !isObject(raw.detail)) {
      throw new PairwiseJsonError(source, at("detail"), raw.detail, "an object");
    }
    const winner = raw.winner;
    if (winner !== "a" && winner !== "b" && winner !== "tie") {
      throw new PairwiseJsonError(source, at("winner"), winner, '"a", "b" or "tie"');
    }
    return {
      taskId: raw.task_id as string,
      key: raw.key as string,
      winner: winner as PairwiseWinner,
      reasoning: (raw.reasoning as string | null | undefined) ?? null,
      detail: (raw.detail as Json | null | undefined) ?? {},
    };
  });
  const label = json.label;
  if (label !== null && label !== undefined && typeof label !== "string") {
    throw new PairwiseJsonError(source, "label", label, "a string or null");
  }
  const warnings = json.warnings;
  if (warnings !== undefined && !(Array.isArray(warnings) && warnings.every(isString))) {
    throw new PairwiseJsonError(source, "warnings", warnings, "an array of strings");
  }
  return {
    runId: field<string>("run_id", isString, "a string"),
    label: (label as string | null | undefined) ?? null,
    createdAt: field<string>("created_at", isString, "an ISO-8601 string"),
    durationMs: field<number>(
      "duration_ms",
      (v) => typeof v === "number" && v >= 0,
      "a number ≥ 0",
    ),
    variantA: field<string>("variant_a", isString, "a string"),
    variantB: field<string>("variant_b", isString, "a string"),
    nPairs: field<number>("n_pairs", isCount, "an integer ≥ 0"),
    keys: field<string[]>(
      "keys",
      (v) => Array.isArray(v) && v.every(isString),
      "an array of strings",
    ),
    cases,
    ...(warnings === undefined ? {} : { warnings: warnings as string[] }),
  };
}
