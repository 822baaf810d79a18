// Child process for the locked-write tests: runs one write of `runId` in `dir` ("delete" or
// "pairwise") and prints "done", or "refused <error name>: <message>".
import { fsRunStore } from "../fs-run-store.js";
import { onePairwise } from "./one-pairwise.js";

const [dir, operation, runId] = process.argv.slice(2);
if (!dir || !runId || (operation !== "delete" && operation !== "pairwise")) {
  throw new Error("usage: locked-write-child <dir> delete|pairwise <runId>");
}
const store = fsRunStore(dir);
try {
  if (operation === "delete") await store.delete(runId);
  else await store.savePairwise(await onePairwise(runId));
  process.stdout.write("done\n");
} catch (error) {
  const { name, message } = error as Error;
  process.stdout.write(`refused ${name}: ${message}\n`);
}
