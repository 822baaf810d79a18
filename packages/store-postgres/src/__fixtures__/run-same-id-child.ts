// Child process for the one-writer test: races for a run id in a PostgreSQL store, named
// `racer:<pid>` (see raceForRunId); on a refusal it prints the error's name and message and
// exits 2.
import { raceForRunId } from "@ag2/eval-core/testing";
import { postgresRunStore } from "../postgres-run-store.js";

const [url, schema, runId, sizeText, startAtText] = process.argv.slice(2);
if (!url || !schema || !runId || !sizeText || !startAtText) {
  throw new Error("usage: run-same-id-child <url> <schema> <runId> <size> <startAt>");
}
const store = postgresRunStore({
  connectionString: url,
  schema,
  writerName: `racer:${process.pid}`,
});
try {
  const options = { runId, size: Number(sizeText), startAt: Number(startAtText) };
  const refused = await raceForRunId(store, options);
  if (refused !== null) {
    process.stderr.write(`${refused}\n`);
    process.exitCode = 2;
  }
} finally {
  await store.close();
}
