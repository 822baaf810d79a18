// Child process: takes the lock of `runId` in `dir`, then calls process.exit(7) while holding
// it (what agent code can do in the middle of a run).
import { fsRunStore } from "../fs-run-store.js";

const [dir, runId] = process.argv.slice(2);
if (!dir || !runId) throw new Error("usage: exit-holding-lock-child <dir> <runId>");
await fsRunStore(dir).lock(runId);
process.stdout.write("held\n");
process.exit(7);
