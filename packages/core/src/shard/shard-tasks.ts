import { createHash } from "node:crypto";
import type { Task } from "../suite/task.js";
import { stableJson } from "../util/stable-json.js";
import { shardRunFields } from "./shard-fields.js";
import type { ShardSpec } from "./shard-spec.js";

const encoder = new TextEncoder();

/**
 * The 1-based shard a task id belongs to among `count`: 32-bit FNV-1a of the id's UTF-8 bytes,
 * mod `count`, plus 1. Depends on nothing but the id, so every machine, file order and Node
 * version agrees.
 *
 * @example
 * ```ts
 * shardOfTaskId("capital-fr", 8); // the same number on every machine
 * ```
 */
export function shardOfTaskId(taskId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(taskId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/**
 * A hash of a suite's task content (ids, inputs, reference outputs, tags, metadata, in order):
 * `sha256:<hex>`. Shards of one suite carry the same fingerprint, so a merge can tell them
 * from shards of an edited suite.
 *
 * @example
 * ```ts
 * suiteFingerprint(suite.tasks); // "sha256:3f2a…"
 * ```
 */
export function suiteFingerprint(tasks: readonly Task[]): string {
  const hash = createHash("sha256");
  for (const task of tasks) {
    const { taskId, inputs, referenceOutputs, tags, metadata } = task;
    hash.update(stableJson({ taskId, inputs, referenceOutputs, tags, metadata }));
    hash.update("\n");
  }
  return `sha256:${hash.digest("hex")}`;
}

/** The tasks of one shard, in suite order, with their positions in the whole suite. */
export function selectShard(
  tasks: readonly Task[],
  shard: ShardSpec,
): { tasks: Task[]; positions: number[] } {
  const selected: Task[] = [];
  const positions: number[] = [];
  tasks.forEach((task, position) => {
    if (shardOfTaskId(task.taskId, shard.count) !== shard.index) return;
    selected.push(task);
    positions.push(position);
  });
  return { tasks: selected, positions };
}

/**
 * What `runAgent` runs of a suite: every task when `shard` is null; else the shard's tasks
 * and the run-file keys (`shard`, `suite_fingerprint`) a merge needs.
 */
export function planShard(
  suiteTasks: readonly Task[],
  shard: ShardSpec | null,
  run: { repeats: number; scorers: readonly string[] },
): { tasks: readonly Task[]; fields: Readonly<Record<string, unknown>> | null } {
  if (!shard) return { tasks: suiteTasks, fields: null };
  const { tasks, positions } = selectShard(suiteTasks, shard);
  const repeats = Math.max(run.repeats, 1);
  const fields = shardRunFields(
    { ...shard, repeats, scorers: run.scorers, positions },
    suiteFingerprint(suiteTasks),
  );
  return { tasks, fields };
}
