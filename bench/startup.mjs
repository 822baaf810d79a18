// Start-up cost: each import in a fresh process, wall time from spawn to exit, median of
// BENCH_RUNS, minus a process that imports nothing. Shows what W0 (and the start of every
// workload) pays before the first task, and how much of it is the OpenTelemetry SDK that
// telemetry depends on rather than our own code.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// cheap samples: more of them than the workloads take, for a steadier median
const runs = Math.max(1, Number(process.env.BENCH_STARTUP_RUNS ?? 11));
const fromTelemetry = createRequire(new URL("../packages/telemetry/package.json", import.meta.url));
const fromEval = createRequire(new URL("../packages/eval/package.json", import.meta.url));
const fromRoot = createRequire(new URL("../package.json", import.meta.url));
const fromCli = createRequire(new URL("../packages/cli/package.json", import.meta.url));
const url = (require, name) => pathToFileURL(require.resolve(name)).href;

const cases = [
  ["nothing (node itself)", []],
  ["p-limit (the floor's only import)", [url(fromRoot, "p-limit")]],
  [
    "OpenTelemetry api + sdk-trace-base + context-async-hooks + resources",
    [
      "@opentelemetry/api",
      "@opentelemetry/sdk-trace-base",
      "@opentelemetry/context-async-hooks",
      "@opentelemetry/resources",
    ].map((name) => url(fromTelemetry, name)),
  ],
  ["@ag2/eval-core", [url(fromEval, "@ag2/eval-core")]],
  ["@ag2/eval-telemetry (includes the SDK above)", [url(fromEval, "@ag2/eval-telemetry")]],
  ["@ag2/eval (everything)", [url(fromEval, "@ag2/eval")]],
  // paid only by a CLI or program given a postgres:// store
  ["@ag2/eval-store-postgres (includes pg)", [url(fromCli, "@ag2/eval-store-postgres")]],
];

function once(specifiers) {
  const code = specifiers.map((s) => `await import(${JSON.stringify(s)});`).join("");
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", code || "0"]);
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  return performance.now() - started;
}

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
const samples = cases.map(() => []);
for (let i = 0; i <= runs; i++) {
  // interleaved, so a busy moment on a shared machine hits every case alike
  cases.forEach(([, specifiers], index) => {
    const ms = once(specifiers);
    if (i > 0) samples[index].push(ms);
  });
}
const base = median(samples[0]);
console.log(
  `start-up: importing in a fresh process, median of ${runs}, over node itself (${base.toFixed(0)} ms)`,
);
cases.forEach(([name], index) => {
  if (index === 0) return;
  const over = median(samples[index]) - base;
  console.log(`  ${name.padEnd(72)} +${over.toFixed(0).padStart(4)} ms`);
});
