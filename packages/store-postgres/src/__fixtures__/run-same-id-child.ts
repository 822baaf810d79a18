// Child process for the one-writer test: at `startAt`, runs a run of slow tasks under a given
// run id into a PostgreSQL store, named `racer:<pid>`. On a refusal it prints the error's name
// and message and exits 2.
import { eventTracing, runAgent } from "@ag2/eval-core";
import {
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
} from "@ag2/eval-core/testing";
import { postgresRunStore } from "../postgres-run-store.js";

const [url, schema, runId, sizeText, startAtText] = process.argv.slice(2);
if (!url || !schema || !runId || !sizeText || !startAtText) {
  throw new Error("usage: run-same-id-child <url> <schema> <runId> <size> <startAt>");
}
// both racers start at one wall-clock instant (ms), however slowly each process loaded
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
const store = postgresRunStore({
  connectionString: url,
  schema,
  writerName: `racer:${process.pid}`,
});
try {
  await runAgent(resumeScenarioSuite(Number(sizeText)), {
    agent: resumeScenarioAgent({ delayMs: 15 }),
    scorers: resumeScenarioScorers,
    store,
    tracing: eventTracing(),
    concurrency: 2,
    runId,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
  process.exitCode = 2;
} finally {
  await store.close();
}
