// Child process of the resume test, standing for one machine: runs (or, with "resume",
// continues) a run of slow tasks into a PostgreSQL store, 4 at a time, 20 ms each.
import { eventTracing, runAgent } from "@ag2/eval-core";
import { postgresRunStore } from "../postgres-run-store.js";
import { resumeScorers, resumeSuite, reversingAgent } from "./resume-agent.js";

const [url, schema, runId, sideFile, mode, sizeText, leaseText] = process.argv.slice(2);
if (!url || !schema || !runId || !sideFile || !mode || !sizeText || !leaseText) {
  throw new Error(
    "usage: resume-child <url> <schema> <runId> <sideFile> start|resume <size> <leaseMs>",
  );
}
const store = postgresRunStore({
  connectionString: url,
  schema,
  writerLeaseMs: Number(leaseText),
  writerName: `machine-${mode}:${process.pid}`,
});
try {
  await runAgent(resumeSuite(Number(sizeText)), {
    agent: reversingAgent({ delayMs: 20, sideFile }),
    scorers: resumeScorers,
    store,
    tracing: eventTracing(),
    concurrency: 4,
    label: "resume",
    ...(mode === "resume" ? { resume: runId } : { runId }),
  });
} finally {
  await store.close();
}
