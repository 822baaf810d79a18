// Child process for the lock takeover race: at the wall-clock time `startAt` (ms) it tries to
// lock `runId`, prints "held" or "refused", holds a lock for `holdMs`, then releases it.
import { fsRunStore } from "../fs-run-store.js";

const [dir, runId, startAtText, holdMsText] = process.argv.slice(2);
if (!dir || !runId || !startAtText || !holdMsText) {
  throw new Error("usage: lock-child <dir> <runId> <startAt> <holdMs>");
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
await sleep(Number(startAtText) - Date.now());
try {
  const lock = await fsRunStore(dir).lock(runId);
  process.stdout.write("held\n");
  await sleep(Number(holdMsText));
  await lock.release();
} catch (error) {
  process.stdout.write(`refused ${(error as Error).name}\n`);
}
