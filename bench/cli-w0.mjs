// W0 through the CLI: the 1-task suite of workloads.mjs run by `ag2-eval run` as a child
// process (start-up, module loading, run, save, exit), beside the floor's W0 process.
// Variants: agent and scorers as JavaScript modules, and the agent as TypeScript (tsx loader).
// Usage: pnpm build && node bench/cli-w0.mjs   (BENCH_RUNS=n, default 5, after one warm-up)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makeTasks, workload } from "./workloads.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const bin = fileURLToPath(new URL("../packages/cli/bin/ag2-eval.js", import.meta.url));
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const workloads = pathToFileURL(join(here, "workloads.mjs")).href;
const w = workload("W0");
const dir = mkdtempSync(join(tmpdir(), "ag2-eval-cli-w0-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

const suite = makeTasks(w.tasks).map((t) =>
  JSON.stringify({
    task_id: String(t.id),
    inputs: { input: t.input },
    reference_outputs: { expected: t.expected },
  }),
);
writeFileSync(join(dir, "suite.jsonl"), `${suite.join("\n")}\n`);
writeFileSync(
  join(dir, "agent.mjs"),
  `import { makeAgent } from ${JSON.stringify(workloads)};\nconst run = makeAgent(${w.delayMs});\nexport default { name: "w0", ask: (input) => run(input) };\n`,
);
writeFileSync(
  join(dir, "agent.ts"),
  `import { makeAgent } from ${JSON.stringify(workloads)};\nconst run: (input: string) => Promise<string> = makeAgent(${w.delayMs});\nexport default { name: "w0", ask: (input: string): Promise<string> => run(input) };\n`,
);
writeFileSync(
  join(dir, "scorers.mjs"),
  `import { SCORERS } from ${JSON.stringify(workloads)};
export default ${JSON.stringify(w.scorers)}.map((key) => ({
  key,
  score: async ({ outputs, referenceOutputs }) => [{ key, score: SCORERS[key](outputs.body, referenceOutputs.expected) }],
}));\n`,
);

function once(command, args, env = {}) {
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CI: "1", ...env },
  });
  const ms = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`${args.join(" ")} failed (${child.status}):\n${child.stdout}${child.stderr}`);
  return { ms, stdout: child.stdout };
}

function measure(command, args, env = {}) {
  once(command, args, env);
  const samples = Array.from({ length: runs }, () => once(command, args, env));
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const ms = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { ms, last: samples.at(-1).stdout };
}

if (!existsSync(fileURLToPath(new URL("../packages/cli/dist/cli.bundle.js", import.meta.url)))) {
  throw new Error("packages/cli is not built: run pnpm build first");
}
const floor = measure(process.execPath, [join(here, "floor.mjs")], { WL: "W0" });
const rows = [];
let wrong = false;
for (const [name, agent] of [
  ["JavaScript agent", "./agent.mjs"],
  ["TypeScript agent", "./agent.ts"],
]) {
  const args = [
    bin,
    "run",
    "suite.jsonl",
    "--agent",
    agent,
    "--scorers",
    "./scorers.mjs",
    "--concurrency",
    "1",
    "--json",
  ];
  const ours = measure(process.execPath, args);
  const run = JSON.parse(ours.last).run;
  const ok =
    run.tasks.length === 1 && w.scorers.every((key) => run.aggregates.score_stats[key]?.mean === 1);
  if (!ok) wrong = true;
  rows.push(
    `W0 cli   ${name.padEnd(17)} ${ours.ms.toFixed(0).padStart(6)} ms   floor ${floor.ms.toFixed(0).padStart(5)} ms   ${(ours.ms / floor.ms).toFixed(2)}x${ok ? "" : "  RESULTS WRONG"}`,
  );
}
console.log(
  `W0 through the CLI (ag2-eval run as a child process), median of ${runs} after a warm-up\n`,
);
for (const row of rows) console.log(row);
if (wrong) process.exitCode = 1;
