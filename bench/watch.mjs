// `ag2-eval watch` on the weather example: the time from saving its scorers module to the new
// run's summary on stdout, over BENCH_WATCH_EDITS saves (default 5), each once the previous
// run is done. Every re-run is a fresh process (modules loaded anew), so the figure is about a
// fresh `ag2-eval run` of the example plus the debounce, less what the process waiting for the
// save has already loaded (the CLI, @ag2/eval, tsx); a plain run is measured beside it.
// The example is copied to a temporary folder whose node_modules links the example's.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const example = fileURLToPath(new URL("../examples/weather/", import.meta.url));
const bin = fileURLToPath(new URL("../packages/cli/bin/ag2-eval.js", import.meta.url));
const edits = Math.max(1, Number(process.env.BENCH_WATCH_EDITS ?? 5));
// a developer saves a while after the last run: by then watch has its next process loaded
const pauseMs = Number(process.env.BENCH_WATCH_PAUSE_MS ?? 5000);
const dir = mkdtempSync(join(tmpdir(), "ag2-bench-watch-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
for (const name of ["package.json", "ag2-eval.config.ts", "weather.jsonl", "src"]) {
  cpSync(join(example, name), join(dir, name), {
    recursive: true,
    filter: (path) => !path.endsWith(".test.ts"),
  });
}
symlinkSync(join(example, "node_modules"), join(dir, "node_modules"), "dir");
const scorers = join(dir, "src", "scorers.ts");
const original = readFileSync(scorers, "utf8");
const env = { ...process.env, NO_COLOR: "1" };

const child = spawn(process.execPath, [bin, "watch"], {
  cwd: dir,
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
let out = "";
let waiter = null;
const count = (pattern) => (out.match(pattern) ?? []).length;
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk) => {
    out += chunk;
    waiter?.();
  });
}
const exited = new Promise((resolve) => child.once("exit", resolve));
function waitFor(pattern, n) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}:\n${out}`)),
      120_000,
    );
    waiter = () => {
      if (count(pattern) < n) return;
      clearTimeout(timer);
      waiter = null;
      resolve(performance.now());
    };
    waiter();
  });
}

const summary = /^Pass rates:$/gm;
const idle = /^watch: watching \d+ file\(s\)/gm;
const samples = [];
let ok = true;
try {
  await waitFor(idle, 1);
  for (let i = 1; i <= edits; i++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const saved = performance.now();
    writeFileSync(scorers, `${original}// edit ${i}\n`);
    samples.push((await waitFor(summary, i + 1)) - saved);
    await waitFor(idle, i + 1);
  }
  if (count(/Changes since the previous run/g) !== edits) ok = false;
} finally {
  child.kill("SIGINT");
}
const code = await exited;
if (code !== 130) ok = false;

// the same example through a plain `ag2-eval run`, a fresh process, for comparison
const runs = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, "run"], { cwd: dir, env, encoding: "utf8" });
  runs.push(performance.now() - started);
  if (run.status !== 0) ok = false;
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(
  `watch (weather example, 5 tasks): save of src/scorers.ts -> new summary, median of ${edits} ${ms(median(samples))} ` +
    `(${samples.map((v) => v.toFixed(0)).join(", ")} ms; each save ${pauseMs} ms after the previous run ended; debounce 150 ms); a plain ag2-eval run of it, whole process, median of 3 ${ms(median(runs))}; Ctrl-C exit ${code}${ok ? "" : "  WRONG (a re-run, its diff or the exit code)"}`,
);
if (!ok) process.exitCode = 1;
