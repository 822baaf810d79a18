import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { fileURLToPath } from "node:url";
import { describeRunStoreContract } from "@ag2/eval-core/testing";
import { FsRunStore } from "./fs-run-store.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/killed-writer-child.js", import.meta.url));

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describeRunStoreContract(
  "FsRunStore",
  async () => {
    const folder = await mkdtemp(join(tmpdir(), "ag2-contract-"));
    folders.push(folder);
    return new FsRunStore(join(folder, "runs"));
  },
  {
    // the killed writer's lock is stale (same host, process gone): the resume takes it over
    killedWriter: {
      start: (store, request) =>
        spawn(process.execPath, [CHILD, store.dir, JSON.stringify(request)], {
          stdio: ["ignore", "ignore", "pipe"],
        }),
    },
  },
);
