// One run of the 100-task cache suite (cache.mjs starts it twice): @ag2/eval's runAgent with
// its defaults (OpenTelemetry tracing, run file in a temporary store), the reference Agent on an
// OpenAICompatibleConfig whose fetch is a read-write model cache in BENCH_CACHE_DIR, against the
// loopback model server at BENCH_MODEL_URL. Prints the run's in-process time, the cache's counts
// and whether every answer is right.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPackage } from "./packages.mjs";

const started = performance.now();
const ag2 = await importPackage("@ag2/eval");
const tasks = Number(process.env.BENCH_CACHE_TASKS ?? 100);
const records = Array.from({ length: tasks }, (_, i) => ({
  task_id: `t${i}`,
  inputs: { input: `question ${i}` },
  reference_outputs: { expected: `answer to question ${i}` },
}));
const cache = new ag2.ModelCache({ dir: process.env.BENCH_CACHE_DIR, mode: "read-write" });
const config = new ag2.OpenAICompatibleConfig({
  baseURL: process.env.BENCH_MODEL_URL,
  apiKey: "sk-bench",
  model: "bench-model",
  fetch: cache.fetch,
});
const agent = new ag2.Agent({ name: "bench", config });
const exact = ag2.scorer(
  ({ outputs, referenceOutputs }) => outputs.body === referenceOutputs.expected,
  { key: "exact" },
);
const storeDir =
  process.env.BENCH_STORE === "none" ? null : mkdtempSync(join(tmpdir(), "ag2-bench-cache-store-"));
try {
  const before = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await ag2.runAgent(records, {
    agent,
    scorers: [exact],
    ...(storeDir ? { storeDir } : { store: null }),
    concurrency: 10,
  });
  const runMs = performance.now() - before;
  const cpu = process.cpuUsage(cpuBefore);
  const passed = result.tasks.filter((task) => task.feedback[0]?.score === true).length;
  const cached = result.tasks.filter(
    (task) => task.trace.eventsOf("ModelResponse")[0]?.cached === true,
  ).length;
  const stats = cache.stats();
  console.log(
    JSON.stringify({
      ok: passed === tasks,
      runMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      processMs: performance.now() - started,
      hits: stats.hits,
      misses: stats.misses,
      cached,
      tokensSaved: stats.inputTokensSaved + stats.outputTokensSaved,
    }),
  );
} finally {
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
}
