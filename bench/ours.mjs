// One workload through ag2-eval's runAgent, in its own process so run.mjs can time it whole.
// Default = what the issue asks for: `@ag2/eval`'s runAgent with OpenTelemetry tracing
// (otelTracing), every trace rebuilt from the task's spans, and the run file written to a
// temporary FsRunStore folder (journal included).
// Usage: WL=W1 node bench/ours.mjs
//   BENCH_TRACING=event  core's eventTracing instead of OpenTelemetry (comparison only)
//   BENCH_STORE=none     no run file, no journal (comparison only)
//   BENCH_VERIFY=1       also load the saved run file back and check it (run.mjs does this on
//                        the warm-up run, outside the timed samples)
//   BENCH_TASKS=n        override the task count (the 100k memory run)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPackage } from "./packages.mjs";
import { expectedTotals, makeAgent, makeTasks, SCORERS, workload } from "./workloads.mjs";

// the generator is deterministic: the totals computed here must equal workloads.mjs's own
const checkTotals = !process.env.BENCH_TASKS && process.env.BENCH_VERIFY;

const ag2 = await importPackage("@ag2/eval");
const internal = await importPackage("@ag2/eval-core/internal");

const w = workload();
if (process.env.BENCH_TASKS) w.tasks = Number(process.env.BENCH_TASKS);
const fn = makeAgent(w.delayMs);
// The agent goes through the middleware like a real one: a turn with one model call whose
// reply is the reversed input, so the telemetry middleware records invoke_agent + chat spans
// and the outputs scorers read come from the trace rebuilt from those spans.
const agent = {
  name: "reverse",
  ask: (input, { middleware }) =>
    internal.runHook(middleware, "onTurn", { agentName: "reverse", input }, async () => {
      const reply = await internal.runHook(
        middleware,
        "onModelCall",
        { messages: [{ role: "user", content: input }], tools: [] },
        async () => ({ type: "ModelResponse", content: await fn(input) }),
      );
      return { content: reply.content };
    }),
};
const generated = makeTasks(w.tasks);
const records = generated.map((t) => ({
  task_id: String(t.id),
  inputs: { input: t.input },
  reference_outputs: { expected: t.expected },
}));
const scorers = w.scorers.map((key) =>
  ag2.scorer(
    ({ outputs, referenceOutputs }) => SCORERS[key](outputs.body, referenceOutputs.expected),
    { key },
  ),
);
const tracing = process.env.BENCH_TRACING === "event" ? ag2.eventTracing() : undefined;
const dir = process.env.BENCH_STORE === "none" ? null : mkdtempSync(join(tmpdir(), "ag2-bench-"));
try {
  const result = await ag2.runAgent(records, {
    agent,
    scorers,
    ...(dir ? { storeDir: dir } : { store: null }),
    ...(tracing ? { tracing } : {}),
    repeats: w.repeats,
    concurrency: w.concurrency,
  });
  const sums = {};
  for (const key of w.scorers) sums[key] = 0;
  for (const task of result.tasks) for (const fb of task.feedback) sums[fb.key] += fb.score;
  const expected = totalsFor(w, generated);
  let ok =
    result.tasks.length === expected.results &&
    w.scorers.every((key) => sums[key] === expected.sums[key]) &&
    result.aggregates.errors === 0 &&
    result.tasks.every((task) => task.trace.events.length === 1);
  if (ok && checkTotals) {
    const reference = expectedTotals(w.name);
    ok =
      reference.results === expected.results &&
      JSON.stringify(reference.sums) === JSON.stringify(expected.sums);
  }
  if (ok && dir && process.env.BENCH_VERIFY) {
    const saved = await ag2.fsRunStore(dir).load(result.runId);
    const savedSums = {};
    for (const task of saved.tasks)
      for (const fb of task.feedback) savedSums[fb.key] = (savedSums[fb.key] ?? 0) + fb.score;
    ok =
      saved.tasks.length === expected.results &&
      w.scorers.every((key) => savedSums[key] === expected.sums[key]);
  }
  console.log(
    JSON.stringify({
      workload: w.name,
      tracing: tracing ? "event" : "otel",
      store: dir ? "fs" : "none",
      results: result.tasks.length,
      sums,
      ok,
      maxRssKb: process.resourceUsage().maxRSS,
      // with --expose-gc (the memory run): the live heap while the result is still held
      heapUsedMb: liveHeapMb(),
    }),
  );
  if (!ok || result.tasks.length === 0) process.exitCode = 1;
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

function liveHeapMb() {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
}

/** What a correct run gives: expectedTotals of workloads.mjs, without generating the tasks again. */
function totalsFor(wl, tasks) {
  const sums = {};
  for (const key of wl.scorers) sums[key] = 0;
  for (const t of tasks)
    for (const key of wl.scorers) sums[key] += SCORERS[key](t.expected, t.expected);
  for (const key of wl.scorers) sums[key] *= wl.repeats;
  return { results: wl.tasks * wl.repeats, sums };
}
