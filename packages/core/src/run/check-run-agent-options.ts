import { checkOptionNames } from "../errors/check-option-names.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { checkScorerTimeout } from "../evaluate/check-run-options.js";
import { checkShard, type ShardSpec } from "../shard/shard-spec.js";
import { checkRetries, type RetryPolicy } from "./retry-policy.js";
import { RUN_AGENT_OPTION_NAMES } from "./run-agent-option-names.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { checkRunBudget, type RunBudget } from "./run-budget.js";

/** Checks the options only `runAgent` has; returns them normalized. */
export function checkRunAgentOptions(options: RunAgentOptions): {
  repeats: number;
  taskTimeoutMs: number | undefined;
  retries: RetryPolicy | null;
  runBudget: RunBudget | null;
  scorerTimeoutMs: number;
  shard: ShardSpec | null;
} {
  const caller = "runAgent";
  if (typeof options !== "object" || options === null) {
    throw new InvalidOptionError(
      "options",
      `${caller}: expected an options object; got ${String(options)}`,
    );
  }
  checkOptionNames(options, RUN_AGENT_OPTION_NAMES, caller);
  const { agent, tracing, repeats = 1, taskTimeoutMs, spanAttributes } = options;
  const isAgent =
    typeof agent === "function" ||
    (typeof agent === "object" &&
      agent !== null &&
      typeof (agent as { ask?: unknown }).ask === "function");
  if (!isAgent) {
    throw new InvalidOptionError(
      "agent",
      `${caller}: option 'agent' must be an Agent (an object with ask()) or a factory function; got ${agent === null ? "null" : typeof agent}`,
    );
  }
  if (typeof tracing?.startTask !== "function") {
    throw new InvalidOptionError(
      "tracing",
      `${caller}: option 'tracing' must be a Tracing (otelTracing() from @ag2/eval-telemetry, or eventTracing()); got ${tracing === null ? "null" : typeof tracing}`,
    );
  }
  if (typeof repeats !== "number" || !Number.isInteger(repeats)) {
    throw new InvalidOptionError(
      "repeats",
      `${caller}: option 'repeats' must be an integer; got ${String(repeats)}`,
    );
  }
  if (
    taskTimeoutMs !== undefined &&
    !(typeof taskTimeoutMs === "number" && taskTimeoutMs > 0 && taskTimeoutMs < 2 ** 31)
  ) {
    throw new InvalidOptionError(
      "taskTimeoutMs",
      `${caller}: option 'taskTimeoutMs' must be a positive number of milliseconds below 2^31; got ${String(taskTimeoutMs)}`,
    );
  }
  if (options.overwrite !== undefined && typeof options.overwrite !== "boolean") {
    throw new InvalidOptionError(
      "overwrite",
      `${caller}: option 'overwrite' must be a boolean; got ${typeof options.overwrite}`,
    );
  }
  if (options.overwrite === true && options.resume !== undefined) {
    throw new InvalidOptionError(
      "overwrite",
      `${caller}: options 'overwrite' and 'resume' (${options.resume}) contradict each other: overwrite starts run ${options.resume} again, resume continues it`,
    );
  }
  checkResumeJournal(options, caller);
  const label = options.optionLabels?.taskTimeoutMs;
  if (label !== undefined && (typeof label !== "string" || label === "")) {
    throw new InvalidOptionError(
      "optionLabels",
      `${caller}: optionLabels.taskTimeoutMs must be a non-empty string; got ${typeof label}`,
    );
  }
  const { invocation } = options;
  if (
    invocation !== undefined &&
    (typeof invocation !== "object" || invocation === null || Array.isArray(invocation))
  ) {
    throw new InvalidOptionError(
      "invocation",
      `${caller}: option 'invocation' must be an object of JSON data; got ${Array.isArray(invocation) ? "an array" : String(invocation)}`,
    );
  }
  for (const [key, value] of Object.entries(spanAttributes ?? {})) {
    if (typeof value !== "string") {
      throw new InvalidOptionError(
        "spanAttributes",
        `${caller}: spanAttributes['${key}'] must be a string; got ${typeof value}`,
      );
    }
  }
  return {
    repeats,
    taskTimeoutMs,
    retries: checkRetries(options.retries, caller),
    runBudget: checkRunBudget(options.runBudget, caller),
    scorerTimeoutMs: checkScorerTimeout(options.scorerTimeoutMs, caller),
    shard: options.shard === undefined ? null : checkShard(options.shard, caller),
  };
}

/** `resumeJournal` comes with `resume`, as a store's journal of that very run (or null). */
function checkResumeJournal(options: RunAgentOptions, caller: string): void {
  const journal = options.resumeJournal;
  if (journal === undefined) return;
  if (options.resume === undefined) {
    throw new InvalidOptionError(
      "resumeJournal",
      `${caller}: option 'resumeJournal' is the journal of the run 'resume' continues; got it without 'resume'`,
    );
  }
  if (journal === null) return;
  const runId = (journal as { header?: { runId?: unknown } }).header?.runId;
  if (runId !== options.resume || !Array.isArray(journal.results)) {
    throw new InvalidOptionError(
      "resumeJournal",
      `${caller}: option 'resumeJournal' must be what store.readJournal('${options.resume}') returned; got ${typeof runId === "string" ? `the journal of run ${runId}` : "something else"}`,
    );
  }
}
