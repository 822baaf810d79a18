// Child process for the stale temp file test: saves a large run over and over until killed,
// so a SIGKILL lands in the middle of a save.
import { fsRunStore } from "../fs-run-store.js";
import { makeRun } from "./make-run.js";

const [dir] = process.argv.slice(2);
if (!dir) throw new Error("usage: save-forever-child <dir>");
const store = fsRunStore(dir);
const run = makeRun({ runId: "big", size: 2_000, padding: 2_000, label: "killed" });
for (;;) await store.save(run);
