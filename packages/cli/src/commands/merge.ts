import { mergeRuns, type RunResult } from "@ag2/eval";
import type { Command } from "../args/command.js";
import { COMMON_FLAGS, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, openStore, savedLocation } from "../config/settings.js";
import { evaluateGates } from "../gates/evaluate-gates.js";
import { gatePlan } from "../gates/gate-plan.js";
import { printRunOutcome } from "../output/print-run-outcome.js";
import { GATE_FLAGS } from "../run/run-flags.js";

/** `ag2-eval merge <run-id>... --run-id <id>`: join shard runs into one run, save it, check the gates. */
export const mergeCommand: Command = {
  name: "merge",
  usage: "ag2-eval merge <shard-run-id>... --run-id <id> [--label <label>] [gates]",
  summary: "Join the shard runs of one evaluation (run --shard i/n) into one saved run.",
  maxPositionals: 10_000,
  flags: {
    "run-id": { type: "string", valueName: "<id>", description: "the merged run's id (required)" },
    label: {
      type: "string",
      valueName: "<label>",
      description: "label the merged run (default: the shards' label when they share one)",
    },
    overwrite: { type: "boolean", description: "replace a saved run that has the --run-id" },
    json: { type: "boolean", description: "print { run, savedTo, gates } as JSON" },
    ...GATE_FLAGS,
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  details: [
    "Examples:",
    "  ag2-eval run suite.jsonl --shard 1/4 --run-id nightly-s1   # one per machine",
    "  ag2-eval merge nightly-s1 nightly-s2 nightly-s3 nightly-s4 --run-id nightly --min-pass-rate correct=0.9",
    "",
    "The merged run's tasks, feedback and aggregates equal one process's run of the suite.",
    "Refused (exit 2), naming the runs: a run given twice, two runs of one shard, missing",
    "shards, shards of a different suite, agent, scorers, repeats or shard count, a shard",
    "stopped by its budget, and a --run-id the store already holds (unless --overwrite).",
  ].join("\n"),
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    const runId = flags.string("run-id");
    if (runId === undefined) {
      throw new UsageError(
        "ag2-eval merge: --run-id is required (the merged run is a run of its own)",
        {
          hint: "ag2-eval merge <shard-run-id>... --run-id <id>",
        },
      );
    }
    if (positionals.length === 0) {
      throw new UsageError("ag2-eval merge: no shard runs given", {
        hint: "name every shard's run id (ag2-eval list shows them)",
      });
    }
    if (positionals.includes(runId)) {
      throw new UsageError(`ag2-eval merge: --run-id ${runId} is one of the shards being merged`, {
        hint: "give the merged run an id of its own",
      });
    }
    const settings = await loadSettings({ values, io });
    const gates = gatePlan(values, settings);
    const store = await openStore(settings);
    const shards: RunResult[] = [];
    for (const id of positionals) shards.push(await store.load(id));
    const label = flags.string("label");
    const merged = mergeRuns(shards, { runId, ...(label !== undefined && { label }) });
    if (!flags.boolean("overwrite") && (await exists(runId))) {
      throw new UsageError(`ag2-eval merge: run ${runId} already exists in the store`, {
        hint: "pick another --run-id, or pass --overwrite to replace it",
      });
    }
    await store.save(merged);
    const outcome = await evaluateGates({ result: merged, store, gates });
    return printRunOutcome({
      result: merged,
      gates: outcome,
      io,
      json: flags.boolean("json") ?? false,
      savedTo: savedLocation(store, merged.runId),
    });

    async function exists(id: string): Promise<boolean> {
      return (await store.list()).some((run) => run.runId === id);
    }
  },
};
