import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { caseDirs } from "./__fixtures__/case-dirs.js";
import { deadPid } from "./__fixtures__/child-process.js";
import { makeRun } from "./__fixtures__/make-run.js";
import { fsRunStore } from "./fs-run-store.js";
import { HOST_TAG, tempPathFor } from "./temp-name.js";

const SAVER = fileURLToPath(new URL("./__fixtures__/save-forever-child.js", import.meta.url));

const freshDir = caseDirs("ag2-stale-temp-");

const temps = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith(".tmp"));

/** Kills a process that saves in a loop while its temporary file exists; retries a miss. */
async function killMidSave(dir: string): Promise<string[]> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const child = spawn(process.execPath, [SAVER, dir], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    while ((await temps(dir)).length === 0) await new Promise((r) => setTimeout(r, 1));
    child.kill("SIGKILL");
    await exited;
    const left = await temps(dir);
    if (left.length > 0) return left;
  }
  throw new Error("never caught the child in the middle of a save");
}

describe("temporary files of writers that died", () => {
  it("a SIGKILL mid-save leaves a temp file: never listed, removed by the next write", async () => {
    const dir = await freshDir();
    const left = await killMidSave(dir);
    const store = fsRunStore(dir);
    const listed = await store.list();
    assert.ok(listed.every((info) => info.runId === "big"));
    assert.deepEqual(store.lastWarnings, [], "a temp file was read as a run");
    assert.ok((await store.trend("killed")).every((point) => point.runId === "big"));
    assert.deepEqual(await temps(dir), left, "reading removes nothing");
    await store.save(makeRun({ runId: "next", size: 1 }));
    assert.deepEqual(await temps(dir), []);
  });

  it("keeps the temp files of live writers and of other machines; removes old-style dead ones", async () => {
    const dir = await freshDir();
    const dead = await deadPid();
    const names = {
      dead: `.r.json.${dead}-${HOST_TAG}.0123456789ab.tmp`,
      deadOldStyle: `.r.json.${dead}.0123456789ab.tmp`,
      live: `.r.json.${process.ppid}-${HOST_TAG}.0123456789ab.tmp`,
      otherMachine: `.r.json.${dead}-00000000.0123456789ab.tmp`,
      // this pid, but not named by this process: an earlier process with the same pid
      earlierSamePid: `.r.json.${process.pid}-${HOST_TAG}.0123456789ab.tmp`,
      notOurs: ".r.json.notes.tmp",
    };
    for (const name of Object.values(names)) await writeFile(join(dir, name), "{");
    const inFlight = tempPathFor(join(dir, "w.json"));
    await writeFile(inFlight, "{");
    await fsRunStore(dir).save(makeRun({ runId: "r", size: 1 }));
    assert.deepEqual(
      (await temps(dir)).sort(),
      [names.live, names.otherMachine, names.notOurs, inFlight.slice(dir.length + 1)].sort(),
    );
  });
});
