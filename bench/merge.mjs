// Shards and merge: W2's generator at BENCH_MERGE_TASKS (default 16,000) tasks, run in this
// process as 8 shards (`runAgent` with `shard`, core's event tracing, the `exact` scorer, no
// store), then `mergeRuns` timed (median of 5 after a warm-up), checked against one
// unsharded run of the same suite, and the merged run saved by an FsRunStore to measure the
// run file's bytes per task. Prints the shard sizes too (the hash's spread).
// Usage: pnpm build && node bench/merge.mjs
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPackage } from "./packages.mjs";
import { makeTasks, reverse, SCORERS } from "./workloads.mjs";

const ag2 = await importPackage("@ag2/eval");
const size = Number(process.env.BENCH_MERGE_TASKS ?? 16_000);
const count = 8;
const records = makeTasks(size).map((t) => ({
  task_id: String(t.id),
  inputs: { input: t.input },
  reference_outputs: { expected: t.expected },
}));
const agent = { name: "reverse", ask: async (input) => reverse(input) };
const options = {
  agent,
  scorers: [
    ag2.scorer(
      ({ outputs, referenceOutputs }) => SCORERS.exact(outputs.body, referenceOutputs.expected),
      {
        key: "exact",
      },
    ),
  ],
  tracing: ag2.eventTracing(),
  store: null,
  concurrency: 16,
};

const shards = [];
for (let index = 1; index <= count; index++) {
  shards.push(
    await ag2.runAgent(records, { ...options, runId: `s${index}`, shard: { index, count } }),
  );
}
const whole = await ag2.runAgent(records, { ...options, runId: "whole" });
// wall and CPU time: on a shared machine the CPU time is the steadier figure
const times = [];
const cpu = [];
let merged;
for (let i = 0; i <= 5; i++) {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  merged = ag2.mergeRuns(shards, { runId: "merged" });
  const used = process.cpuUsage(startedCpu);
  if (i > 0) times.push(performance.now() - started);
  if (i > 0) cpu.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const same =
  JSON.stringify(merged.tasks.map((task) => [task.task.taskId, task.feedback])) ===
    JSON.stringify(whole.tasks.map((task) => [task.task.taskId, task.feedback])) &&
  JSON.stringify(merged.aggregates) === JSON.stringify(whole.aggregates);
const dir = mkdtempSync(join(tmpdir(), "ag2-merge-bench-"));
try {
  await ag2.fsRunStore(dir).save(merged);
  const bytes = statSync(join(dir, "merged.json")).size;
  const sizes = shards.map((shard) => shard.tasks.length);
  console.log(
    `shards and merge: ${size} tasks (W2's generator, event tracing, one scorer) as ${count} shards`,
  );
  console.log(
    `  shard sizes ${Math.min(...sizes)}–${Math.max(...sizes)} (even split ${size / count})`,
  );
  console.log(
    `  mergeRuns ${times[2].toFixed(1)} ms wall, ${cpu[2].toFixed(1)} ms CPU (medians of 5), equal to one process's run: ${same ? "yes" : "NO"}`,
  );
  console.log(
    `  merged run file ${(bytes / 2 ** 20).toFixed(1)} MB, ${(bytes / size).toFixed(0)} bytes a task`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!same) process.exitCode = 1;
