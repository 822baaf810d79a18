// Child process: takes the lock of `runId` as writer `holder`, prints "held", and keeps it
// until it is killed.
import { postgresRunStore } from "../postgres-run-store.js";

const [url, schema, runId, holder] = process.argv.slice(2);
if (!url || !schema || !runId || !holder) {
  throw new Error("usage: hold-lock-child <url> <schema> <runId> <holder>");
}
await postgresRunStore({ connectionString: url, schema, writerName: holder }).lock(runId);
process.stdout.write("held\n");
setInterval(() => {}, 60_000);
