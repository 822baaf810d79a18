// Child process for the concurrency test: saves `count` runs named `<prefix>-<i>` into `dir`,
// each large enough that a write takes several system calls.
import { fsRunStore } from "../fs-run-store.js";
import { makeRun } from "./make-run.js";

const [dir, prefix, countText] = process.argv.slice(2);
if (!dir || !prefix || !countText) throw new Error("usage: save-runs-child <dir> <prefix> <count>");
const store = fsRunStore(dir);
for (let i = 0; i < Number(countText); i++) {
  await store.save(makeRun({ runId: `${prefix}-${i}`, size: 200, padding: 10_000, label: prefix }));
}
