import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { checkName, checkRunId } from "../evaluate/check-run-options.js";
import type { TaskResult } from "../result/task-result.js";
import { RunResult } from "../run-result/run-result.js";
import { readShardFields, type ShardFields } from "./shard-fields.js";
import { ShardMergeError } from "./shard-merge-error.js";

/** Options of {@link mergeRuns}. */
export interface MergeRunsOptions {
  /** The merged run's id (required: a merge is a run of its own). */
  readonly runId: string;
  /** The merged run's label; by default the shards' label when they all share one. */
  readonly label?: string | null;
}

interface Shard {
  readonly run: RunResult;
  readonly fields: ShardFields;
  readonly fingerprint: string;
}

/**
 * Joins the shard runs of one evaluation (`runAgent(suite, { shard })`, one run per shard)
 * into one run whose tasks, feedback and aggregates equal a single-process run of the suite:
 * tasks in suite order, repeats grouped. Refuses, with a {@link ShardMergeError} listing every
 * problem, anything else: a run that is not a shard or stopped early, the same run twice, two
 * runs of one shard, missing shards (named), or shards that differ in suite fingerprint,
 * scorers, agent (target), repeats or shard count. The merged run records
 * `suite_fingerprint` and `merged_from` (the shard run ids); its duration is the longest
 * shard's, its concurrency the shards' sum and its start the earliest.
 *
 * @example
 * ```ts
 * const shards = await Promise.all(ids.map((id) => store.load(id)));
 * const merged = mergeRuns(shards, { runId: "nightly-42" });
 * await store.save(merged);
 * ```
 */
export function mergeRuns(runs: readonly RunResult[], options: MergeRunsOptions): RunResult {
  const caller = "mergeRuns";
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new InvalidOptionError(
      "runs",
      `${caller}: expected a non-empty array of shard runs; got ${Array.isArray(runs) ? "[]" : typeof runs}`,
    );
  }
  const runId = checkRunId(options?.runId ?? "", caller);
  const problems: string[] = [];
  const shards: Shard[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(run.runId)) {
      problems.push(`run ${run.runId} is given twice: a run cannot be merged with itself`);
      continue;
    }
    seen.add(run.runId);
    const read = readShardFields(run.extraFields);
    if (!read) {
      problems.push(
        `run ${run.runId} is not a shard (its run file has no valid 'shard' and 'suite_fingerprint' keys; run it with --shard)`,
      );
      continue;
    }
    if (run.stopReason) {
      problems.push(
        `shard run ${run.runId} stopped early (${run.stopReason.budget} budget); resume it before merging`,
      );
    }
    const expected = read.shard.positions.length * read.shard.repeats;
    if (run.tasks.length !== expected) {
      problems.push(
        `shard run ${run.runId} has ${run.tasks.length} tasks; its shard record expects ${expected}`,
      );
    }
    shards.push({ run, fields: read.shard, fingerprint: read.fingerprint });
  }
  const first = shards[0];
  if (first) problems.push(...mismatches(first, shards), ...coverage(first.fields.count, shards));
  if (problems.length > 0 || !first) throw new ShardMergeError(problems);

  const groups: { position: number; tasks: readonly TaskResult[] }[] = [];
  for (const { run, fields } of shards) {
    fields.positions.forEach((position, at) => {
      const start = at * fields.repeats;
      groups.push({ position, tasks: run.tasks.slice(start, start + fields.repeats) });
    });
  }
  groups.sort((a, b) => a.position - b.position);
  const tasks = groups.flatMap((group) => group.tasks);
  const byIndex = [...shards].sort((a, b) => a.fields.index - b.fields.index);
  const labels = new Set(shards.map((shard) => shard.run.label));
  const label =
    options.label !== undefined
      ? checkName(options.label, "label", caller)
      : labels.size === 1
        ? first.run.label
        : null;
  return new RunResult({
    runId,
    tasks,
    suite: { name: first.run.suite.name, source: first.run.suite.source, size: tasks.length },
    target: first.run.target,
    concurrency: shards.reduce((sum, shard) => sum + shard.run.concurrency, 0),
    durationMs: Math.max(...shards.map((shard) => shard.run.durationMs)),
    createdAt: shards.map((shard) => shard.run.createdAt).sort()[0] ?? first.run.createdAt,
    label,
    extraFields: {
      suite_fingerprint: first.fingerprint,
      merged_from: byIndex.map((shard) => shard.run.runId),
    },
  });
}

function mismatches(first: Shard, shards: readonly Shard[]): string[] {
  const problems: string[] = [];
  const scorers = (shard: Shard): string => [...shard.fields.scorers].sort().join(", ");
  const checks: [string, (shard: Shard) => string][] = [
    ["suite fingerprint", (shard) => shard.fingerprint],
    ["shard count", (shard) => String(shard.fields.count)],
    ["agent (target)", (shard) => shard.run.target],
    ["scorers", scorers],
    ["repeats", (shard) => String(shard.fields.repeats)],
  ];
  for (const [what, of] of checks) {
    for (const shard of shards.slice(1)) {
      if (of(shard) !== of(first)) {
        problems.push(
          `runs ${first.run.runId} and ${shard.run.runId} differ in ${what}: '${of(first)}' vs '${of(shard)}'`,
        );
      }
    }
  }
  return problems;
}

function coverage(count: number, shards: readonly Shard[]): string[] {
  const problems: string[] = [];
  const byIndex = new Map<number, string>();
  for (const { run, fields } of shards) {
    const other = byIndex.get(fields.index);
    if (other !== undefined) {
      problems.push(
        `runs ${other} and ${run.runId} are both shard ${fields.index}/${fields.count}: shards overlap`,
      );
    } else byIndex.set(fields.index, run.runId);
  }
  const missing: string[] = [];
  for (let index = 1; index <= count; index++) {
    if (!byIndex.has(index)) missing.push(`${index}/${count}`);
  }
  if (missing.length > 0) {
    problems.push(
      `missing shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: a merge needs all ${count}`,
    );
  }
  return problems;
}
