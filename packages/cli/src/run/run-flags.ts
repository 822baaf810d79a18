import { COMMON_FLAGS, STORE_FLAG } from "../args/command.js";
import type { FlagSpecs } from "../args/parse-command-args.js";
import { TASK_LIMIT_FLAGS } from "../config/task-limit-flags.js";

/** The gate flags of `run`, `grade` and `diff`. */
export const GATE_FLAGS: FlagSpecs = {
  "min-pass-rate": {
    type: "string",
    multiple: true,
    valueName: "<key>=<0..1>",
    description: "exit 1 when the pass rate of <key> is below the value",
  },
  "fail-on-regression": {
    type: "boolean",
    description: "exit 1 when a task flips from pass to fail against the baseline",
  },
  "fail-on-significant-regression": {
    type: "boolean",
    description: "exit 1 when the paired statistics find a significant regression on a key",
  },
  "max-errors": {
    type: "string",
    valueName: "<n|fraction>",
    description:
      "exit 1 when more task runs errored (a count, or a fraction such as 0.1 or 10%); without it, only a run where every task errored fails",
  },
  baseline: {
    type: "string",
    valueName: "<run-id>",
    description: "the run to compare against (default: newest earlier run with the same label)",
  },
};

/** `--scorer-timeout`, shared by every command that runs scorers. */
export const SCORER_TIMEOUT_FLAG = {
  "scorer-timeout": {
    type: "string",
    valueName: "<ms|90s|5m>",
    description: "per scorer call (default 5m): past it, that scorer's feedback is an error",
  },
} as const;

/** `--comparator-timeout` of `pairwise`, in the style of `--scorer-timeout`. */
export const COMPARATOR_TIMEOUT_FLAG = {
  "comparator-timeout": {
    type: "string",
    valueName: "<ms|90s|5m>",
    description: "per comparator call (default 5m): past it, that comparison is an error",
  },
} as const;

/** The flags of `ag2-eval run`. */
export const RUN_FLAGS: FlagSpecs = {
  agent: {
    type: "string",
    valueName: "<module>[#export]",
    description: "the agent or agent factory (TypeScript or JavaScript)",
  },
  scorers: {
    type: "string",
    valueName: "<module>[#export]",
    description: "a list of scorers (default export, or named)",
  },
  repeats: { type: "string", valueName: "<n>", description: "run every task n times" },
  concurrency: {
    type: "string",
    valueName: "<n>",
    description: "tasks in flight at once (default 4)",
  },
  label: {
    type: "string",
    valueName: "<label>",
    description: "label the run (list, trend and baselines use it)",
  },
  variant: { type: "string", valueName: "<name>", description: "name the variant being run" },
  "run-id": {
    type: "string",
    valueName: "<id>",
    description: "the run id (default: a random one); an id already in the store is refused",
  },
  overwrite: {
    type: "boolean",
    description: "replace the saved (or unfinished) run that has the --run-id",
  },
  shard: {
    type: "string",
    valueName: "<i>/<n>",
    description: "run only shard i of n (from 1), a run of its own; ag2-eval merge joins them",
  },
  "budget-tokens": {
    type: "string",
    valueName: "<n>",
    description: "flag tasks that use more tokens than n",
  },
  "budget-seconds": {
    type: "string",
    valueName: "<s>",
    description: "flag tasks that take longer than s seconds",
  },
  ...TASK_LIMIT_FLAGS,
  ...SCORER_TIMEOUT_FLAG,
  "max-tokens": {
    type: "string",
    valueName: "<n>",
    description: "stop starting tasks once the run used n tokens (exit 3, resumable)",
  },
  "max-cost-usd": {
    type: "string",
    valueName: "<x>",
    description: "stop starting tasks once the run cost $x (price table; exit 3, resumable)",
  },
  "max-duration": {
    type: "string",
    valueName: "<ms|90s|5m>",
    description: "stop starting tasks after this long (exit 3, resumable)",
  },
  resume: {
    type: "string",
    valueName: "<run-id>",
    description:
      "continue an interrupted or budget-stopped run from its journal (its suite, modules and flags too)",
  },
  map: {
    type: "string",
    multiple: true,
    valueName: "<part>=<column>",
    description:
      "for a .csv or .json suite: take a task part (task_id, tags, inputs.<key>, reference_outputs.<key>, metadata.<key>) from that column",
  },
  cache: {
    type: "string",
    valueName: "<mode>",
    description:
      "cache model calls in <store>/cache: off (default), read-write, replay (no model calls), record",
  },
  "allow-agent-change": {
    type: "boolean",
    description:
      "with --resume: continue with an agent of another name than the one that started the run",
  },
  "otlp-endpoint": {
    type: "string",
    valueName: "<url>",
    description: "also send every span to this OTLP/HTTP endpoint",
  },
  "save-traces": {
    type: "string",
    valueName: "<dir>",
    description: "also save every task's spans there (ag2-eval grade reads them)",
  },
  json: { type: "boolean", description: "print the run and gate results as JSON (no progress)" },
  ...GATE_FLAGS,
  ...STORE_FLAG,
  ...COMMON_FLAGS,
};
