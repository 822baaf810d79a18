// The model cache, measured: a 100-task suite against a loopback chat-completions server that
// takes BENCH_MODEL_LATENCY_MS per answer (default 500, the quick end of a hosted model),
// concurrency 10. The first run fills a read-write cache; then BENCH_CACHE_RUNS (default 3)
// runs, each a new process over the warm cache, must make zero model requests, and their median
// must take at most a tenth of the first run's time (runAgent, in process). Prints one report
// line; exits 1 when a target is missed or an answer is wrong.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const latencyMs = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 500);
const warmRuns = Math.max(1, Number(process.env.BENCH_CACHE_RUNS ?? 3));
let requests = 0;
const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    requests += 1;
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const question = body.messages.at(-1).content;
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          id: `c${requests}`,
          object: "chat.completion",
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: `answer to ${question}` },
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
        }),
      );
    }, latencyMs);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const cacheDir = mkdtempSync(join(tmpdir(), "ag2-bench-cache-"));
const env = {
  ...process.env,
  BENCH_MODEL_URL: `http://127.0.0.1:${server.address().port}/v1`,
  BENCH_CACHE_DIR: cacheDir,
};

// spawned asynchronously: the server answers from this process's event loop
async function run() {
  const child = spawn(process.execPath, ["cache-run.mjs"], { cwd: here, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`cache-run.mjs failed (${code}):\n${stdout}${stderr}`);
  return JSON.parse(stdout);
}

try {
  const first = await run();
  const afterFirst = requests;
  const warm = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await run());
  const warmRequests = requests - afterFirst;
  const runMs = warm.map((w) => w.runMs).sort((x, y) => x - y);
  const median = runMs[runMs.length >> 1];
  const cpuMs = warm.map((w) => w.cpuMs).sort((x, y) => x - y)[warm.length >> 1];
  const speedup = first.runMs / median;
  const ok =
    first.ok &&
    warm.every((w) => w.ok && w.cached === 100 && w.hits === 100 && w.misses === 0) &&
    warmRequests === 0 &&
    speedup >= 10;
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(
    `model cache: 100 tasks, model latency ${latencyMs} ms, concurrency 10: first run ${ms(first.runMs)} ` +
      `(${afterFirst} model requests, CPU ${ms(first.cpuMs)}; process ${ms(first.processMs)}); warm cache, median of ${warmRuns} ` +
      `${ms(median)} (CPU ${ms(cpuMs)}; runs ${runMs.map((v) => v.toFixed(0)).join(", ")} ms; ${warmRequests} model requests, ` +
      `${warm[0].hits} hits and ${warm[0].tokensSaved} tokens saved each; process ${ms(warm[0].processMs)}): ` +
      `${speedup.toFixed(1)}× faster${ok ? "" : "  TARGET MISSED (zero requests and ≥ 10× expected)"}`,
  );
  if (!ok) process.exitCode = 1;
} finally {
  server.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
