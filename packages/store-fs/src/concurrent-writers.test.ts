import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { fsRunStore } from "./fs-run-store.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/save-runs-child.js", import.meta.url));
const RUNS_PER_CHILD = 10;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-concurrent-"));
});
after(() => rm(dir, { recursive: true, force: true }));

function saveInChild(prefix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dir, prefix, String(RUNS_PER_CHILD)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`child ${prefix} exited ${code}: ${stderr}`)),
    );
  });
}

describe("two processes saving into one folder", () => {
  it("never corrupt each other, and list never sees a half-written file", async () => {
    const store = fsRunStore(dir);
    const children = Promise.all([saveInChild("alpha"), saveInChild("beta")]);
    let finished = false;
    void children.finally(() => {
      finished = true;
    });
    let listings = 0;
    let maxSeen = 0;
    while (!finished) {
      const infos = await store.list();
      listings++;
      assert.deepEqual(store.lastWarnings, [], "a listing saw a file it could not read");
      for (const info of infos) assert.equal(info.suite.size, 200);
      maxSeen = Math.max(maxSeen, infos.length);
    }
    await children;
    assert.ok(listings > 0);
    const infos = await store.list();
    assert.deepEqual(store.lastWarnings, []);
    assert.equal(infos.length, 2 * RUNS_PER_CHILD);
    assert.ok(maxSeen <= infos.length);
    for (const prefix of ["alpha", "beta"]) {
      const mine = await store.list({ label: prefix });
      assert.equal(mine.length, RUNS_PER_CHILD);
      const run = await store.load(`${prefix}-${RUNS_PER_CHILD - 1}`);
      assert.equal(run.tasks.length, 200);
    }
    const leftovers = (await readdir(dir)).filter((name) => !/^(alpha|beta)-\d+\.json$/.test(name));
    assert.deepEqual(leftovers, []);
  });
});
