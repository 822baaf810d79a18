// Grades 10,000 in-memory traces with 3 scorers at concurrency 16 through evaluateTraces.
// Prints one JSON line: results, in-process time and peak RSS.
import { importPackage } from "./packages.mjs";

const core = await importPackage("@ag2/eval-core");

const N = Number(process.env.BENCH_TRACES ?? 10_000);
const entries = [];
for (let i = 0; i < N; i++) {
  const trace = new core.Trace({
    events: [
      {
        type: "ModelResponse",
        content: `answer ${i}`,
        usage: { inputTokens: 10, outputTokens: 5 },
      },
    ],
    durationMs: 3,
  });
  entries.push([{ traceId: `trace-${i}`, taskId: `t${i}` }, trace]);
}
const scorers = [
  core.scorer(({ outputs }) => outputs.body === `answer ${outputs.body.slice(7)}`, {
    key: "exact",
  }),
  core.scorer(({ outputs }) => outputs.body.length, { key: "length" }),
  core.scorer(({ trace }) => trace.tokens.total <= 15, { key: "withinTokens" }),
];
const started = performance.now();
const result = await core.evaluateTraces(new core.InMemoryTraceSource(entries), {
  scorers,
  store: null,
  concurrency: 16,
});
const ms = performance.now() - started;
const ok =
  result.tasks.length === N &&
  result.passRate("exact") === 1 &&
  result.passRate("withinTokens") === 1;
console.log(
  JSON.stringify({
    traces: result.tasks.length,
    ok,
    gradeMs: Math.round(ms),
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
if (!ok) process.exitCode = 1;
