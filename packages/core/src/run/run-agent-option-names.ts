import type { OptionNames } from "../errors/check-option-names.js";
import type { RunAgentOptions } from "./run-agent-options.js";

/** The options `runAgent` takes; `@ag2/eval` adds its own to these. */
export const RUN_AGENT_OPTION_NAMES: OptionNames<RunAgentOptions> = {
  agent: true,
  scorers: true,
  store: true,
  tracing: true,
  modelConfig: true,
  fetch: true,
  runFileFields: true,
  repeats: true,
  budgets: true,
  concurrency: true,
  runId: true,
  label: true,
  stream: true,
  variant: true,
  spanAttributes: true,
  signal: true,
  taskTimeoutMs: true,
  resume: true,
  resumeJournal: true,
  allowAgentChange: true,
  retries: true,
  runBudget: true,
  overwrite: true,
  shard: true,
  scorerTimeoutMs: true,
  catchStrayErrors: true,
  optionLabels: true,
  invocation: true,
};
