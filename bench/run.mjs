// `pnpm bench`: the workloads of workloads.mjs through @ag2/eval's runAgent (ours.mjs:
// OpenTelemetry tracing, traces rebuilt from spans, run file + journal written) beside the
// floor (floor.mjs, p-limit and nothing else), each run in its own process: whole-process wall
// time and peak RSS, median of BENCH_RUNS (default 5) after one warm-up that also loads the
// saved run file back and checks it. Then: the store benchmarks (store.mjs, store-postgres.mjs), shards
// and merge (merge.mjs), 10k-trace
// grading (grade.mjs), W0 through the CLI (cli-w0.mjs), the start-up cost of each import
// (startup.mjs), the model cache (cache.mjs: a warm-cache re-run of 100 tasks against a loopback
// model server), watch (watch.mjs: a scorer saved to the new summary, on the weather example), the HTML report (report.mjs) and the 100k-task memory run.
// Env: BENCH_RUNS=n, BENCH_WORKLOADS=W1,W3, BENCH_VARIANTS=1 (also event tracing / no store),
//      BENCH_SKIP=store,postgres,merge,grade,cli,startup,cache,watch,report,memory, BENCH_MEMORY_TASKS=25000,50000,100000
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WORKLOADS } from "./workloads.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const only = process.env.BENCH_WORKLOADS?.split(",") ?? Object.keys(WORKLOADS);
const skip = new Set(process.env.BENCH_SKIP?.split(",") ?? []);
const hasTime = existsSync("/usr/bin/time");

function once(script, env) {
  const args = hasTime ? ["-f", "__RSS_KB__ %M", process.execPath, script] : [script];
  const started = performance.now();
  const child = spawnSync(hasTime ? "/usr/bin/time" : process.execPath, args, {
    cwd: here,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`${script} ${JSON.stringify(env)} failed:\n${child.stdout}${child.stderr}`);
  const timed = /__RSS_KB__ (\d+)/.exec(child.stderr);
  const reported = /"maxRssKb":(\d+)/.exec(child.stdout);
  return {
    ms,
    rssKb: Number(timed?.[1] ?? reported?.[1] ?? Number.NaN),
    stdout: child.stdout.trim(),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One warm-up (with the saved file checked) then `runs` timed samples, interleaved by caller. */
function sample(script, env) {
  return once(script, env);
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0).padStart(4)} MB`;
const variants = [{ name: "otel+store", env: {} }];
if (process.env.BENCH_VARIANTS) {
  variants.push({ name: "otel", env: { BENCH_STORE: "none" } });
  variants.push({ name: "event+store", env: { BENCH_TRACING: "event" } });
}
console.log(
  "ours = @ag2/eval runAgent, otelTracing (traces rebuilt from spans), FsRunStore (journal + run file)",
);
console.log(
  `median of ${runs} after a warm-up; whole process, ${hasTime ? "/usr/bin/time" : "resourceUsage"} peak RSS\n`,
);
console.log("workload  variant      ours (time, RSS)       floor (time, RSS)      ratio");
let failed = false;
const table = [];
for (const name of only) {
  const floorEnv = { WL: name };
  once("floor.mjs", floorEnv);
  for (const variant of variants) {
    const env = { WL: name, ...variant.env };
    const warm = once("ours.mjs", { ...env, BENCH_VERIFY: "1" });
    if (!JSON.parse(warm.stdout).ok) failed = true;
    // ours and the floor alternate so a noisy moment hits both alike
    const ours = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      ours.push(sample("ours.mjs", env));
      floor.push(sample("floor.mjs", floorEnv));
    }
    const verdict = JSON.parse(ours.at(-1).stdout);
    const ok = verdict.ok && JSON.parse(warm.stdout).ok;
    if (!ok) failed = true;
    const row = {
      name,
      variant: variant.name,
      ms: median(ours.map((s) => s.ms)),
      rssKb: median(ours.map((s) => s.rssKb)),
      floorMs: median(floor.map((s) => s.ms)),
      floorRssKb: median(floor.map((s) => s.rssKb)),
      ok,
    };
    table.push(row);
    console.log(
      `${name.padEnd(9)} ${variant.name.padEnd(12)} ${fmt(row.ms)} ${mb(row.rssKb)}     ${fmt(row.floorMs)} ${mb(row.floorRssKb)}     ${(row.ms / row.floorMs).toFixed(2)}x${ok ? "" : "  RESULTS WRONG"}`,
    );
  }
}

function child(script, env = {}) {
  const result = spawnSync(process.execPath, [script], {
    cwd: here,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) failed = true;
  return result.stdout;
}

if (!skip.has("grade")) {
  const grade = [];
  for (let i = 0; i <= runs; i++) grade.push(once("grade.mjs", {}));
  grade.shift();
  const graded = JSON.parse(grade.at(-1).stdout);
  if (!graded.ok) failed = true;
  console.log(
    `\nevaluateTraces: ${graded.traces} in-memory traces, 3 scorers, concurrency 16: grading ${median(grade.map((g) => JSON.parse(g.stdout).gradeMs))} ms in-process, whole process ${fmt(median(grade.map((g) => g.ms)))}, peak RSS ${mb(median(grade.map((g) => g.rssKb)))}${graded.ok ? "" : "  RESULTS WRONG"}`,
  );
}
if (!skip.has("store")) process.stdout.write(`\n${child("store.mjs")}`);
if (!skip.has("postgres")) process.stdout.write(`\n${child("store-postgres.mjs")}`);
if (!skip.has("merge")) process.stdout.write(`\n${child("merge.mjs")}`);
if (!skip.has("cli") && existsSync(`${here}cli-w0.mjs`))
  process.stdout.write(`\n${child("cli-w0.mjs", { BENCH_RUNS: String(runs) })}`);
if (!skip.has("startup")) process.stdout.write(`\n${child("startup.mjs")}`);
if (!skip.has("cache")) process.stdout.write(`\n${child("cache.mjs")}`);
if (!skip.has("watch")) process.stdout.write(`\n${child("watch.mjs")}`);
if (!skip.has("report")) process.stdout.write(`\n${child("report.mjs")}`);
if (!skip.has("memory")) {
  // W2's generator at growing sizes, telemetry and store on: peak RSS should grow by about
  // what each kept result costs, not with anything else (spans, providers, journal lines)
  const sizes = (process.env.BENCH_MEMORY_TASKS ?? "25000,50000,100000").split(",").map(Number);
  console.log(
    `\nlarge suites (W2's generator, otel + store, one run each): peak RSS by task count`,
  );
  const points = [];
  for (const tasks of sizes) {
    const run = once("ours.mjs", {
      WL: "W2",
      BENCH_TASKS: String(tasks),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`,
    });
    const verdict = JSON.parse(run.stdout);
    if (!verdict.ok) failed = true;
    points.push({ tasks, rssKb: run.rssKb, ms: run.ms, heapMb: verdict.heapUsedMb });
    console.log(
      `  ${String(tasks).padStart(7)} tasks  ${fmt(run.ms)}  peak RSS ${mb(run.rssKb)}  live heap at the end ${String(verdict.heapUsedMb).padStart(4)} MB${verdict.ok ? "" : "  RESULTS WRONG"}`,
    );
  }
  if (points.length >= 2) {
    const first = points[0];
    const last = points.at(-1);
    const perTask = ((last.rssKb - first.rssKb) * 1024) / (last.tasks - first.tasks);
    const livePerTask = ((last.heapMb - first.heapMb) * 2 ** 20) / (last.tasks - first.tasks);
    console.log(
      `  growth ${first.tasks} -> ${last.tasks} tasks: ${perTask.toFixed(0)} bytes of peak RSS and ${livePerTask.toFixed(0)} bytes of live heap per task (the returned RunResult keeps every result with its task, trace and feedback)`,
    );
  }
}
if (failed) process.exitCode = 1;
