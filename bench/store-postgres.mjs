// PostgreSQL store benchmarks, the same measurements as store.mjs's file store: save and load a
// 10,000-task run, list 1,000 runs, the newest run of a label among them. The database is the
// server AG2_EVAL_BENCH_POSTGRES_URL names, else PGlite (PostgreSQL in WebAssembly, served on a
// loopback port by pglite-socket from this process). Each measurement runs in a fresh process
// against a connected store (the connection and schema check are not timed), median of 5 after
// a warm-up. Usage: pnpm build && node bench/store-postgres.mjs
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { medianOfFive } from "./fresh-process.mjs";
import { makeRun } from "./make-run.mjs";

const require = createRequire(new URL("../packages/store-postgres/package.json", import.meta.url));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const { postgresRunStore } = await load("@ag2/eval-store-postgres");

async function phase(name, url) {
  const store = postgresRunStore({
    connectionString: url,
    schema: `bench_${name === "save" || name === "load" ? "big" : "many"}`,
  });
  await store.ready();
  let work;
  if (name === "save") {
    const run = makeRun("big", 10_000);
    work = () => store.save(run);
  } else if (name === "load")
    work = async () => {
      if ((await store.load("big")).tasks.length !== 10_000) throw new Error("lost tasks");
    };
  else if (name === "list")
    work = async () => {
      if ((await store.list()).length !== 1000) throw new Error("lost runs");
    };
  else if (name === "latest")
    work = async () => {
      const latest = await store.latest("l3");
      if (latest?.runId !== "run-953") throw new Error(`wrong latest run ${latest?.runId}`);
    };
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  await work();
  const ms = performance.now() - started;
  // this process's CPU: steadier than wall time on a shared machine (a server's own CPU is not in it)
  const cpu = process.cpuUsage(startedCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await store.close();
  console.log(JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function startPglite() {
  const { PGlite } = await load("@electric-sql/pglite");
  const { PGLiteSocketServer } = await load("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

if (process.argv[2]) {
  await phase(process.argv[2], process.argv[3]);
} else {
  const given = process.env.AG2_EVAL_BENCH_POSTGRES_URL;
  const database = given ? { url: given, stop: async () => {} } : await startPglite();
  const big = postgresRunStore({ connectionString: database.url, schema: "bench_big" });
  const many = postgresRunStore({ connectionString: database.url, schema: "bench_many" });
  await big.save(makeRun("big", 10_000));
  for (let i = 0; i < 1000; i++) {
    const createdAt = `2026-11-26T10:${String(i % 60).padStart(2, "0")}:00.${String(i).padStart(6, "0")}+00:00`;
    await many.save(makeRun(`run-${i}`, 20, createdAt, `l${i % 10}`));
  }
  const self = fileURLToPath(import.meta.url);
  // one measurement at a time: the child and PGlite (in this process) share the machine
  const measure = (name) => medianOfFive(self, [name, database.url]);
  const rows = [
    ["save 10,000-task run", await measure("save")],
    ["load 10,000-task run", await measure("load")],
    ["list 1,000 runs", await measure("list")],
    ["latest of a label", await measure("latest")],
  ];
  console.log(
    `PostgreSQL store benchmark on ${given ? "the server of AG2_EVAL_BENCH_POSTGRES_URL" : "PGlite over pglite-socket"} (median of 5, fresh process each, connection not timed)`,
  );
  for (const [label, ours] of rows) {
    console.log(
      `  ${label.padEnd(22)} ${ours.ms.toFixed(0).padStart(6)} ms (client CPU ${ours.cpuMs.toFixed(0).padStart(5)})  peak RSS ${ours.rssMb.toFixed(0).padStart(4)} MB`,
    );
  }
  await big.close();
  await many.close();
  await database.stop();
}
