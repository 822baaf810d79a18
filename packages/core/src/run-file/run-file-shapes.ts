import {
  anything,
  array,
  boolean,
  byType,
  type Check,
  count,
  either,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
} from "./shape-check.js";

/*
 * The run file, schema "0.1", as the reader checks it: the same shapes, key order
 * and messages as the zod schemas in run-file-schema.ts (which stay public on the
 * `@ag2/eval-core/schema` subpath). Change both together; the agreement test compares them.
 */

const jsonObject = record("an object");
const counted = count("a number", "an integer");
const text = string("a string");
const optionalText = optional(nullable(string("a string or null")));
const optionalNumber = optional(nullable(number("a number or null")));
const nonNegative = number("a number", 0);
const createdAt = optional(number("number"));
const errorInfo = (expected?: string) => object({ type: text, message: text }, expected);

const usage = object({
  inputTokens: optionalNumber,
  outputTokens: optionalNumber,
  cacheCreationInputTokens: optionalNumber,
  cacheReadInputTokens: optionalNumber,
  thinkingTokens: optionalNumber,
});

/** Our own event shapes (camelCase, after `eventFromJSON`); others are dropped on load. */
export const traceEventCheck: Check = byType({
  ModelResponse: object({
    content: nullable(text),
    toolCalls: optional(array(object({ id: text, name: text, arguments: text }), "array")),
    usage: optional(usage),
    model: optionalText,
    provider: optionalText,
    finishReason: optionalText,
    cached: optional(boolean("a boolean")),
    createdAt,
  }),
  ToolCallEvent: object({ id: text, name: text, arguments: text, createdAt }),
  ToolResultEvent: object({ parentId: text, name: text, result: text, createdAt }),
  ToolErrorEvent: object({ parentId: text, name: text, error: errorInfo(), createdAt }),
  HumanInputRequest: object({ prompt: text, createdAt }),
  HumanMessage: object({ content: text, createdAt }),
});

const feedback = object({
  key: text,
  score: optional(nullable(either(boolean(""), number(""), "a boolean, a number or null"))),
  value: optionalText,
  comment: optionalText,
  detail: optional(nullable(jsonObject)),
});

const budgetViolation = object({
  limit: oneOf(
    ["maxTokensPerTask", "maxSecondsPerTask", "maxToolCallsPerTask", "maxModelCallsPerTask"],
    "a budget limit name",
  ),
  threshold: number("a number"),
  actual: number("a number"),
});

/** One task of a run file, or one line of a journal after its header. */
export const taskResultFileCheck: Check = object({
  task_id: text,
  inputs: jsonObject,
  reference_outputs: optional(nullable(jsonObject)),
  tags: optional(array(text, "an array of strings")),
  metadata: optional(nullable(jsonObject)),
  duration_ms: optional(nonNegative),
  events: optional(array(anything, "an array")),
  exception: optional(nullable(errorInfo("an object or null"))),
  tokens: optional(
    object({
      input: counted,
      output: counted,
      cache_creation: optional(counted),
      cache_read: optional(counted),
    }),
  ),
  feedback: optional(array(feedback, "an array")),
  budget_violation: optional(boolean("a boolean")),
  trace_ref: optional(
    nullable(
      object({ trace_id: text, task_id: optionalText, metadata: optional(nullable(jsonObject)) }),
    ),
  ),
  budget_violations: optional(array(budgetViolation, "an array")),
  attempts: optional(
    array(object({ error: nullable(errorInfo()), duration_ms: nonNegative }), "an array"),
  ),
});

/** A whole run file. `aggregates` is not checked: the reader recomputes it from the tasks. */
export const runFileCheck: Check = object({
  schema_version: optional(oneOf(["0.1"], '"0.1"')),
  run_id: optional(text),
  label: optionalText,
  created_at: optional(text),
  duration_ms: optional(nonNegative),
  suite: optional(
    object({ name: optional(text), size: optional(counted), source: optional(text) }),
  ),
  target: optional(text),
  concurrency: optional(counted),
  tasks: array(taskResultFileCheck, "an array of tasks"),
  aggregates: anything,
  stop_reason: optional(
    nullable(
      object({
        budget: oneOf(["tokens", "costUsd", "durationMs"], '"tokens", "costUsd" or "durationMs"'),
        limit: number("a number"),
        used: number("a number"),
      }),
    ),
  ),
});
