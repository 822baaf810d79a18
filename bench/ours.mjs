// One workload through runAgent (ag2-eval), in its own process so run.mjs can time it whole.
// Usage: WL=W1 node bench/ours.mjs. BENCH_TRACING=otel uses @ag2/eval-telemetry's otelTracing
// (when built; default: core's eventTracing); BENCH_STORE=none skips writing the run file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectedTotals, makeAgent, makeTasks, SCORERS, workload } from "./workloads.mjs";

const packages = new URL("../packages/", import.meta.url);
const core = await import(new URL("core/dist/index.js", packages).href);

async function pickTracing() {
  if (process.env.BENCH_TRACING !== "otel") return { name: "event", tracing: core.eventTracing() };
  const telemetry = await import(new URL("telemetry/dist/index.js", packages).href);
  return { name: "otel", tracing: telemetry.otelTracing() };
}

async function pickStore() {
  if (process.env.BENCH_STORE === "none") return { store: null, dir: null };
  const dir = mkdtempSync(join(tmpdir(), "ag2-bench-"));
  const storeFs = await import(new URL("store-fs/dist/index.js", packages).href);
  return { store: storeFs.fsRunStore(dir), dir };
}

const w = workload();
const fn = makeAgent(w.delayMs);
const agent = { name: "reverse", ask: (input) => fn(input) };
const records = makeTasks(w.tasks).map((t) => ({
  task_id: String(t.id),
  inputs: { input: t.input },
  reference_outputs: { expected: t.expected },
}));
const scorers = w.scorers.map((key) =>
  core.scorer(
    ({ outputs, referenceOutputs }) => SCORERS[key](outputs.body, referenceOutputs.expected),
    { key },
  ),
);
const { name: tracingName, tracing } = await pickTracing();
const { store, dir } = await pickStore();
try {
  const result = await core.runAgent(records, {
    agent,
    scorers,
    store,
    tracing,
    repeats: w.repeats,
    concurrency: w.concurrency,
  });
  const sums = {};
  for (const key of w.scorers) sums[key] = 0;
  for (const task of result.tasks) for (const fb of task.feedback) sums[fb.key] += fb.score;
  const expected = expectedTotals(w.name);
  const ok =
    result.tasks.length === expected.results &&
    w.scorers.every((key) => sums[key] === expected.sums[key]) &&
    result.aggregates.errors === 0 &&
    (store === null || (await store.load(result.runId)).tasks.length === expected.results);
  console.log(
    JSON.stringify({
      workload: w.name,
      tracing: tracingName,
      store: store ? "fs" : "none",
      results: result.tasks.length,
      sums,
      ok,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
  if (!ok) process.exitCode = 1;
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
