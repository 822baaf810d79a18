// Child process for the lock takeover race: at the wall-clock time `startAt` (ms) it tries to
// lock `runId` in each folder of the comma-separated `dirs` in turn, printing "held" or
// "refused <error>" per folder, keeps what it got for `holdMs`, then releases it.
import type { RunLock } from "@ag2/eval-core/internal";
import { fsRunStore } from "../fs-run-store.js";

const [dirs, runId, startAtText, holdMsText] = process.argv.slice(2);
if (!dirs || !runId || !startAtText || !holdMsText) {
  throw new Error("usage: lock-child <dir>[,<dir>...] <runId> <startAt> <holdMs>");
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
await sleep(Number(startAtText) - Date.now());
const held: RunLock[] = [];
const lines: string[] = [];
for (const dir of dirs.split(",")) {
  try {
    held.push(await fsRunStore(dir).lock(runId));
    lines.push("held");
  } catch (error) {
    lines.push(`refused ${(error as Error).name}`);
  }
}
process.stdout.write(`${lines.join("\n")}\n`);
await sleep(Number(holdMsText));
for (const lock of held) await lock.release();
