// Child process for the one-writer test: runs a run of slow tasks under a given run id into an
// FsRunStore. On a refusal it prints the error's name and message and exits 2.
import { eventTracing, runAgent } from "@ag2/eval-core";
import { fsRunStore } from "../fs-run-store.js";
import { resumeScorers, resumeSuite, slowAgent } from "./resume-agent.js";

const [dir, runId, sizeText] = process.argv.slice(2);
if (!dir || !runId || !sizeText) throw new Error("usage: run-same-id-child <dir> <runId> <size>");
try {
  await runAgent(resumeSuite(Number(sizeText)), {
    agent: slowAgent({ delayMs: 15 }),
    scorers: resumeScorers,
    store: fsRunStore(dir),
    tracing: eventTracing(),
    concurrency: 2,
    runId,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
