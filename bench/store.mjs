// Store benchmarks: save and load a 10,000-task run, list a folder of 1,000 runs, and find the
// newest of the 100 runs carrying one label among them.
// Each measurement runs in a fresh child process so its peak RSS is its own; figures are the
// median of 5 runs after a warm-up, beside a floor (plain JSON.stringify/writeFile, readFile/
// JSON.parse) measured the same way. Usage: pnpm build && node bench/store.mjs
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { medianOfFive } from "./fresh-process.mjs";
import { makeRun } from "./make-run.mjs";
import { importPackage } from "./packages.mjs";

const storeFs = await importPackage("@ag2/eval-store-fs");

async function phase(name, dir) {
  const store = storeFs.fsRunStore(dir);
  let work;
  if (name === "save" || name === "save-floor") {
    const run = makeRun("big", 10_000);
    work =
      name === "save"
        ? () => store.save(run)
        : () => writeFileSync(join(dir, "big-floor.json"), JSON.stringify(run.toJSON(), null, 2));
  } else if (name === "load")
    work = async () => {
      if ((await store.load("big")).tasks.length !== 10_000) throw new Error("lost tasks");
    };
  else if (name === "load-floor")
    work = () => JSON.parse(readFileSync(join(dir, "big.json"), "utf8"));
  else if (name === "list")
    work = async () => {
      if ((await store.list()).length !== 1000) throw new Error("lost runs");
    };
  else if (name === "latest")
    work = async () => {
      const [latest] = await store.list({ label: "l3" });
      if (latest?.runId !== "run-953") throw new Error(`wrong latest run ${latest?.runId}`);
    };
  else if (name === "list-floor")
    work = () => readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")));
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  await work();
  const ms = performance.now() - started;
  // this process's CPU: steadier than wall time on a shared machine (a server's own CPU is not in it)
  const cpu = process.cpuUsage(startedCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv[2]) {
  await phase(process.argv[2], process.argv[3]);
} else {
  const base = mkdtempSync(join(tmpdir(), "ag2-store-bench-"));
  const bigDir = join(base, "big");
  const manyDir = join(base, "many");
  mkdirSync(manyDir);
  await storeFs.fsRunStore(bigDir).save(makeRun("big", 10_000));
  const many = storeFs.fsRunStore(manyDir);
  for (let i = 0; i < 1000; i++)
    await many.save(
      makeRun(
        `run-${i}`,
        20,
        `2026-11-26T10:${String(i % 60).padStart(2, "0")}:00.${String(i).padStart(6, "0")}+00:00`,
        `l${i % 10}`,
      ),
    );
  const self = fileURLToPath(import.meta.url);
  const measure = (name, dir) => medianOfFive(self, [name, dir]);
  const rows = [
    ["save 10,000-task run", await measure("save", bigDir), await measure("save-floor", bigDir)],
    ["load 10,000-task run", await measure("load", bigDir), await measure("load-floor", bigDir)],
    ["list 1,000 runs", await measure("list", manyDir), await measure("list-floor", manyDir)],
    ["latest of a label", await measure("latest", manyDir), await measure("list-floor", manyDir)],
  ];
  console.log(
    "store benchmark (median of 5, fresh process each; wall time, the process's CPU time; floor = plain JSON + fs)",
  );
  for (const [label, ours, floor] of rows) {
    console.log(
      `  ${label.padEnd(22)} ${ours.ms.toFixed(0).padStart(6)} ms (CPU ${ours.cpuMs.toFixed(0).padStart(5)})  peak RSS ${ours.rssMb.toFixed(0).padStart(4)} MB   floor ${floor.ms.toFixed(0).padStart(5)} ms (CPU ${floor.cpuMs.toFixed(0).padStart(5)}) / ${floor.rssMb.toFixed(0).padStart(4)} MB   ratio ${(ours.ms / floor.ms).toFixed(2)}`,
    );
  }
  rmSync(base, { recursive: true, force: true });
}
