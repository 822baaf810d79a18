import { closestName } from "@ag2/eval/cli";
import { CACHE_MODES } from "../args/cache-mode.js";
import { ERROR_LIMIT_EXPECTED, parseErrorLimit } from "../args/error-limit.js";
import {
  DURATION_EXPECTED,
  parseDurationMs,
  SECONDS_DURATION_EXPECTED,
} from "../args/parse-duration.js";
import { ConfigError } from "../args/usage-error.js";
import type { Ag2EvalConfig } from "./define-config.js";

type Check = (value: unknown) => string | null;

const text: Check = (value) =>
  typeof value === "string" && value !== "" ? null : "a non-empty string";
const wholeAtLeastOne: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 1 ? null : "a whole number >= 1";
const positive: Check = (value) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? null : "a number > 0";
const errorLimit: Check = (value) =>
  (typeof value === "number" || typeof value === "string") && parseErrorLimit(value) !== null
    ? null
    : ERROR_LIMIT_EXPECTED;
const flag: Check = (value) => (typeof value === "boolean" ? null : "true or false");
const object: Check = (value) => (typeof value === "object" && value !== null ? null : "an object");
const duration: Check = (value) =>
  (typeof value === "number" && Number.isFinite(value) && value > 0 && value < 2 ** 31) ||
  (typeof value === "string" && parseDurationMs(value) !== null)
    ? null
    : DURATION_EXPECTED;
const wholeAtLeastZero: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 0 ? null : "a whole number >= 0";
const seconds: Check = (value) =>
  (typeof value === "number" &&
    Number.isFinite(value) &&
    Math.round(value * 1000) > 0 &&
    value * 1000 < 2 ** 31) ||
  (typeof value === "string" && parseDurationMs(value, { bareUnit: "s" }) !== null)
    ? null
    : SECONDS_DURATION_EXPECTED;
const agent: Check = (value) =>
  typeof value === "string" ||
  typeof value === "function" ||
  (typeof value === "object" &&
    value !== null &&
    typeof (value as { ask?: unknown }).ask === "function")
    ? null
    : 'an Agent (with ask()), a factory function, or a module spec "path#export"';
const cacheMode: Check = (value) =>
  typeof value === "string" && (CACHE_MODES as readonly string[]).includes(value)
    ? null
    : `one of ${CACHE_MODES.join(", ")}`;
const scorers: Check = (value) =>
  typeof value === "string" ||
  (typeof value === "object" && value !== null && Symbol.iterator in value)
    ? null
    : 'a list of scorers or a module spec "path#export"';

const columnMap = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((column) => typeof column === "string" && column !== "");
const MAPPING_CHECKS: Readonly<Record<string, Check>> = {
  taskId: text,
  tags: text,
  tagSeparator: text,
  inputs: (value) =>
    typeof value === "string" || columnMap(value) ? null : "a column name or { key: column }",
  referenceOutputs: (value) => (columnMap(value) ? null : "{ key: column }"),
  metadata: (value) => (columnMap(value) ? null : "{ key: column }"),
};

const CHECKS: Readonly<Record<keyof Ag2EvalConfig, Check>> = {
  suite: text,
  suiteMapping: object,
  agent,
  scorers,
  store: text,
  repeats: wholeAtLeastOne,
  concurrency: wholeAtLeastOne,
  label: text,
  variant: text,
  runId: text,
  budgetTokens: wholeAtLeastOne,
  budgetSeconds: positive,
  timeout: seconds,
  retries: wholeAtLeastZero,
  maxTokens: wholeAtLeastOne,
  maxCostUsd: positive,
  maxDuration: duration,
  prices: object,
  cache: cacheMode,
  otlpEndpoint: text,
  minPassRate: object,
  maxErrors: errorLimit,
  failOnRegression: flag,
  failOnSignificantRegression: flag,
  baseline: text,
  modelConfig: object,
};

/**
 * Checks a config file's default export field by field; the first problem becomes a
 * {@link ConfigError} naming the file, the field, what was got and what was expected.
 *
 * @example
 * ```ts
 * const config = validateConfig({ value: { concurrency: 4 }, path: "ag2-eval.config.ts" });
 * ```
 */
export function validateConfig(options: { value: unknown; path: string }): Ag2EvalConfig {
  const { value, path } = options;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError({
      path,
      problem: `got ${describe(value)}, expected an object (defineConfig({ ... }))`,
    });
  }
  const record = value as Record<string, unknown>;
  for (const [field, fieldValue] of Object.entries(record)) {
    const check = CHECKS[field as keyof Ag2EvalConfig];
    if (!check) {
      throw new ConfigError({
        path,
        field,
        problem: `unknown setting${didYouMean(field)} (expected one of: ${Object.keys(CHECKS).join(", ")})`,
      });
    }
    if (fieldValue === undefined) continue;
    const expected = check(fieldValue);
    if (expected)
      throw new ConfigError({
        path,
        field,
        problem: `got ${describe(fieldValue)}, expected ${expected}`,
      });
  }
  for (const [key, rate] of Object.entries((record.minPassRate ?? {}) as Record<string, unknown>)) {
    if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) {
      throw new ConfigError({
        path,
        field: `minPassRate.${key}`,
        problem: `got ${describe(rate)}, expected a number between 0 and 1`,
      });
    }
  }
  checkPrices(path, record.prices);
  checkSuiteMapping(path, record.suiteMapping);
  return record as Ag2EvalConfig;
}

/** Each part of `suiteMapping` names a column, or maps task keys to columns. */
function checkSuiteMapping(path: string, mapping: unknown): void {
  for (const [part, value] of Object.entries((mapping ?? {}) as Record<string, unknown>)) {
    const check = MAPPING_CHECKS[part];
    const expected = check
      ? check(value)
      : `a part of ${Object.keys(MAPPING_CHECKS).join(", ")} (unknown part)`;
    if (expected) {
      throw new ConfigError({
        path,
        field: `suiteMapping.${part}`,
        problem: `got ${describe(value)}, expected ${expected}`,
      });
    }
  }
}

const RATE_FIELDS = ["input", "output", "cachedInput"] as const;

/** Each price must be a ModelPrice: USD per million tokens, `cachedInput` optional. */
function checkPrices(path: string, prices: unknown): void {
  for (const [model, price] of Object.entries((prices ?? {}) as Record<string, unknown>)) {
    if (typeof price !== "object" || price === null || Array.isArray(price)) {
      throw new ConfigError({
        path,
        field: `prices.${model}`,
        problem: `got ${describe(price)}, expected { input, output, cachedInput? } in USD per million tokens`,
      });
    }
    const record = price as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      if (!(RATE_FIELDS as readonly string[]).includes(name)) {
        throw new ConfigError({
          path,
          field: `prices.${model}.${name}`,
          problem:
            "unknown price field (expected input, output, cachedInput; USD per million tokens)",
        });
      }
    }
    for (const name of RATE_FIELDS) {
      const rate = record[name];
      if (name === "cachedInput" && rate === undefined) continue;
      if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
        throw new ConfigError({
          path,
          field: `prices.${model}.${name}`,
          problem: `got ${describe(rate)}, expected a number >= 0 (USD per million tokens)`,
        });
      }
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}" (a string)`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function didYouMean(field: string): string {
  const near = closestName(field, Object.keys(CHECKS));
  return near === null ? "" : `; did you mean "${near}"?`;
}
