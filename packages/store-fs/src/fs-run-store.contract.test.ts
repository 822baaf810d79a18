import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { describeRunStoreContract } from "@ag2/eval-core/testing";
import { FsRunStore } from "./fs-run-store.js";

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describeRunStoreContract("FsRunStore", async () => {
  const folder = await mkdtemp(join(tmpdir(), "ag2-contract-"));
  folders.push(folder);
  return new FsRunStore(join(folder, "runs"));
});
