// A writer process of the RunStore contract's killed-writer case, standing for one machine:
// runs (or resumes) the contract's scenario into a PostgreSQL store, under a writer name that
// says which start it was and its pid.
import { runResumeWriter } from "@ag2/eval-core/testing";
import { postgresRunStore } from "../postgres-run-store.js";

const [url, schema, leaseText, requestText] = process.argv.slice(2);
if (!url || !schema || !leaseText || !requestText) {
  throw new Error("usage: killed-writer-child <url> <schema> <leaseMs> <request JSON>");
}
const request = JSON.parse(requestText);
const store = postgresRunStore({
  connectionString: url,
  schema,
  writerLeaseMs: Number(leaseText),
  writerName: `machine-${request.mode}:${process.pid}`,
});
try {
  await runResumeWriter(store, request);
} finally {
  await store.close();
}
