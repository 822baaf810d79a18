import { z } from "zod";

/*
 * The run file, schema "0.1", as read. Public on the `@ag2/eval-core/schema`
 * subpath only; the reader itself uses the hand-written twin in run-file-check-shapes.ts
 * (keep both in step: run-file-check.test.ts compares them). Objects are loose: keys a later writer adds
 * are ignored by this reader, which is how the format stays readable in both directions.
 * Optional fields get the defaults of the reference's loader.
 */

const jsonObject = z.record(z.string(), z.unknown(), { error: "expected an object" });
const count = z.number({ error: "expected a number" }).int({ error: "expected an integer" }).min(0);
const text = z.string({ error: "expected a string" });
const optionalText = z.string({ error: "expected a string or null" }).nullable().optional();
const optionalCount = z.number({ error: "expected a number or null" }).nullable().optional();

const usageSchema = z.looseObject({
  inputTokens: optionalCount,
  outputTokens: optionalCount,
  cacheCreationInputTokens: optionalCount,
  cacheReadInputTokens: optionalCount,
  thinkingTokens: optionalCount,
});
const errorInfoSchema = z.looseObject({ type: text, message: text });
const createdAt = z.number().optional();

/**
 * Our own event shapes (camelCase, as `eventFromJSON` returns them); an event that matches none
 * (e.g. one Python wrote) is dropped on load.
 *
 * @example
 * ```ts
 * import { traceEventSchema } from "@ag2/eval-core/schema";
 * const ok = traceEventSchema.safeParse(eventFromJSON(stored)).success;
 * ```
 */
export const traceEventSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("ModelResponse"),
    content: text.nullable(),
    toolCalls: z.array(z.looseObject({ id: text, name: text, arguments: text })).optional(),
    usage: usageSchema.optional(),
    model: optionalText,
    provider: optionalText,
    finishReason: optionalText,
    cached: z.boolean().optional(),
    createdAt,
  }),
  z.looseObject({
    type: z.literal("ToolCallEvent"),
    id: text,
    name: text,
    arguments: text,
    createdAt,
  }),
  z.looseObject({
    type: z.literal("ToolResultEvent"),
    parentId: text,
    name: text,
    result: text,
    createdAt,
  }),
  z.looseObject({
    type: z.literal("ToolErrorEvent"),
    parentId: text,
    name: text,
    error: errorInfoSchema,
    createdAt,
  }),
  z.looseObject({ type: z.literal("HumanInputRequest"), prompt: text, createdAt }),
  z.looseObject({ type: z.literal("HumanMessage"), content: text, createdAt }),
]);

const feedbackSchema = z.looseObject({
  key: text,
  score: z
    .union([z.boolean(), z.number()], { error: "expected a boolean, a number or null" })
    .nullable()
    .optional(),
  value: optionalText,
  comment: optionalText,
  detail: jsonObject.nullable().optional(),
});

const budgetViolationSchema = z.looseObject({
  limit: z.enum(
    ["maxTokensPerTask", "maxSecondsPerTask", "maxToolCallsPerTask", "maxModelCallsPerTask"],
    {
      error: "expected a budget limit name",
    },
  ),
  threshold: z.number({ error: "expected a number" }),
  actual: z.number({ error: "expected a number" }),
});

/**
 * One task of a run file (12 keys in the reference, plus our optional `budget_violations`
 * and `attempts`).
 *
 * @example
 * ```ts
 * import { taskResultFileSchema } from "@ag2/eval-core/schema";
 * const task = taskResultFileSchema.parse(JSON.parse(journalLine));
 * ```
 */
export const taskResultFileSchema = z.looseObject({
  task_id: text,
  inputs: jsonObject,
  reference_outputs: jsonObject.nullable().optional(),
  tags: z.array(text, { error: "expected an array of strings" }).optional(),
  metadata: jsonObject.nullable().optional(),
  duration_ms: z.number({ error: "expected a number" }).min(0).optional(),
  events: z.array(z.unknown(), { error: "expected an array" }).optional(),
  exception: z
    .looseObject({ type: text, message: text }, { error: "expected an object or null" })
    .nullable()
    .optional(),
  tokens: z
    .looseObject({
      input: count,
      output: count,
      cache_creation: count.optional(),
      cache_read: count.optional(),
    })
    .optional(),
  feedback: z.array(feedbackSchema, { error: "expected an array" }).optional(),
  budget_violation: z.boolean({ error: "expected a boolean" }).optional(),
  trace_ref: z
    .looseObject({
      trace_id: text,
      task_id: optionalText,
      metadata: jsonObject.nullable().optional(),
    })
    .nullable()
    .optional(),
  budget_violations: z.array(budgetViolationSchema, { error: "expected an array" }).optional(),
  attempts: z
    .array(
      z.looseObject({
        error: errorInfoSchema.nullable(),
        duration_ms: z.number({ error: "expected a number" }).min(0),
      }),
      { error: "expected an array" },
    )
    .optional(),
});

/**
 * The zod schema of a whole run file (schema "0.1"). The stored `aggregates` are not read
 * back: they are recomputed from the tasks, so they cannot disagree with them.
 *
 * @example
 * ```ts
 * import { runFileSchema } from "@ag2/eval-core/schema";
 * const parsed = runFileSchema.safeParse(JSON.parse(text));
 * if (!parsed.success) console.error(parsed.error.issues);
 * ```
 */
export const runFileSchema = z.looseObject({
  schema_version: z.literal("0.1", { error: 'expected "0.1"' }).optional(),
  run_id: text.optional(),
  label: optionalText,
  created_at: text.optional(),
  duration_ms: z.number({ error: "expected a number" }).min(0).optional(),
  suite: z
    .looseObject({ name: text.optional(), size: count.optional(), source: text.optional() })
    .optional(),
  target: text.optional(),
  concurrency: count.optional(),
  tasks: z.array(taskResultFileSchema, { error: "expected an array of tasks" }),
  aggregates: z.unknown().optional(),
  stop_reason: z
    .looseObject({
      budget: z.enum(["tokens", "costUsd", "durationMs"], {
        error: 'expected "tokens", "costUsd" or "durationMs"',
      }),
      limit: z.number({ error: "expected a number" }),
      used: z.number({ error: "expected a number" }),
    })
    .nullable()
    .optional(),
});

/** A task of a run file as parsed by {@link taskResultFileSchema}. */
export type TaskResultFile = z.output<typeof taskResultFileSchema>;
/** A run file as parsed by {@link runFileSchema}. */
export type RunFile = z.output<typeof runFileSchema>;
