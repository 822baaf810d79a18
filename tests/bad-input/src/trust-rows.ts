import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { eventTracing, fsRunStore, runAgent } from "@ag2/eval";
import { type BadInputRow, literal, rejectsClearly } from "./bad-input-row.js";
import { cliRow, RUN } from "./cli-rows.js";

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid;
}

/** One run id, one writer; files written only where they should be. */
export const TRUST_ROWS: readonly BadInputRow[] = [
  {
    ...cliRow(
      "a run id whose lock a live process holds",
      ({ storeDir }) => RUN(storeDir, "--run-id", "busy"),
      {
        code: 2,
        message: [
          /run busy is locked by another writer/,
          new RegExp(`pid ${process.ppid} on host ${literal(JSON.stringify(hostname())).source}`),
          ({ storeDir }) => literal(`lock file ${storeDir}/busy.lock`),
        ],
      },
    ),
    async setup({ storeDir }) {
      const lock = { lock: "ag2-eval.lock/1", run_id: "busy", pid: process.ppid, host: hostname() };
      await writeFile(
        `${storeDir}/busy.lock`,
        JSON.stringify({ ...lock, started_at: "2026-12-06T10:00:00.000Z" }),
      );
    },
  },
  cliRow("a run id that is already saved", ({ storeDir }) => RUN(storeDir, "--run-id", "seed"), {
    code: 2,
    message: [/run seed already exists in the store/],
  }),
  {
    name: "a dead writer's temporary file in the store is never listed",
    async setup({ storeDir }) {
      const seed = await readFile(`${storeDir}/seed.json`, "utf8");
      const temp = `${storeDir}/.ghost.json.${deadPid()}.0123456789ab.tmp`;
      await writeFile(temp, seed.replaceAll('"seed"', '"ghost"').slice(0, seed.length / 2));
    },
    async check({ storeDir }) {
      const store = fsRunStore(storeDir);
      assert.deepEqual(
        (await store.list()).map((info) => info.runId),
        ["seed"],
      );
      assert.deepEqual(store.lastWarnings, []);
      assert.deepEqual(await store.trend("ghost"), []);
    },
  },
  {
    name: "a link at a journal's path pointing outside the store",
    async setup({ dir, storeDir }) {
      await writeFile(`${dir}/outside.txt`, "not a journal\n");
      await symlink(`${dir}/outside.txt`, `${storeDir}/linked.journal.jsonl`);
    },
    async check({ dir, storeDir }) {
      await rejectsClearly(
        runAgent([{ task_id: "a", inputs: { input: "hi" } }], {
          agent: { name: "echo", ask: async (input: string) => input },
          scorers: [],
          tracing: eventTracing(),
          storeDir,
          resume: "linked",
        }),
        {
          name: "JournalFileError",
          message: [
            literal(`${storeDir}/linked.journal.jsonl`),
            /got a symbolic link; expected a journal file/,
          ],
        },
      );
      assert.equal(await readFile(`${dir}/outside.txt`, "utf8"), "not a journal\n");
    },
  },
];
