// `pnpm bench`: each workload of workloads.mjs through runAgent (ours.mjs) beside the floor
// (floor.mjs, p-limit and nothing else), each in its own process: whole-process wall time and
// peak RSS, median of BENCH_RUNS (default 5) after one warm-up; then the 10k-trace grading bench.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WORKLOADS } from "./workloads.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const only = process.env.BENCH_WORKLOADS?.split(",") ?? Object.keys(WORKLOADS);
const hasTime = existsSync("/usr/bin/time");

// floor.mjs imports p-limit by name; give this folder the copy core already depends on
const link = `${here}node_modules/p-limit`;
if (!existsSync(link)) {
  mkdirSync(`${here}node_modules`, { recursive: true });
  symlinkSync(
    fileURLToPath(new URL("../packages/core/node_modules/p-limit", import.meta.url)),
    link,
    "dir",
  );
}

function once(script, env) {
  const args = hasTime ? ["-f", "__RSS_KB__ %M", process.execPath, script] : [script];
  const started = performance.now();
  const child = spawnSync(hasTime ? "/usr/bin/time" : process.execPath, args, {
    cwd: here,
    env: { ...process.env, ...env },
    encoding: "utf8",
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

function measure(script, env) {
  once(script, env);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(once(script, env));
  return {
    ms: median(samples.map((s) => s.ms)),
    rssKb: median(samples.map((s) => s.rssKb)),
    last: samples.at(-1).stdout,
  };
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0).padStart(4)} MB`;
const variants = [
  { name: "store-fs", env: {} },
  { name: "no store", env: { BENCH_STORE: "none" } },
];
if (process.env.BENCH_TRACING === "otel") console.log("tracing: otelTracing (@ag2/eval-telemetry)");
else console.log("tracing: eventTracing (core); BENCH_TRACING=otel for OpenTelemetry");
console.log(
  `median of ${runs} after a warm-up; whole process, ${hasTime ? "/usr/bin/time" : "resourceUsage"} RSS\n`,
);
console.log("workload  variant     ours (time, RSS)        floor (time, RSS)       ratio");
let failed = false;
for (const name of only) {
  const floor = measure("floor.mjs", { WL: name });
  for (const variant of variants) {
    const ours = measure("ours.mjs", { WL: name, ...variant.env });
    const verdict = JSON.parse(ours.last);
    if (!verdict.ok) failed = true;
    console.log(
      `${name.padEnd(9)} ${variant.name.padEnd(10)} ${fmt(ours.ms)} ${mb(ours.rssKb)}      ${fmt(floor.ms)} ${mb(floor.rssKb)}      ${(ours.ms / floor.ms).toFixed(2)}x${verdict.ok ? "" : "  RESULTS WRONG"}`,
    );
  }
}
const grade = measure("grade.mjs", {});
const graded = JSON.parse(grade.last);
if (!graded.ok) failed = true;
console.log(
  `\nevaluateTraces: ${graded.traces} in-memory traces, 3 scorers, concurrency 16: grading ${graded.gradeMs} ms in-process, whole process ${fmt(grade.ms)}, peak RSS ${mb(grade.rssKb)}${graded.ok ? "" : "  RESULTS WRONG"}`,
);
if (failed) process.exitCode = 1;
