// Child process for the one-writer test: at the wall-clock time `startAt` (ms), so that racing
// processes start together however long each took to load, runs a run of slow tasks under a
// given run id into an FsRunStore. On a refusal it prints the error's name and message and
// exits 2.
import { eventTracing, runAgent } from "@ag2/eval-core";
import {
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
} from "@ag2/eval-core/testing";
import { fsRunStore } from "../fs-run-store.js";

const [dir, runId, sizeText, startAtText] = process.argv.slice(2);
if (!dir || !runId || !sizeText || !startAtText) {
  throw new Error("usage: run-same-id-child <dir> <runId> <size> <startAt>");
}
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
try {
  await runAgent(resumeScenarioSuite(Number(sizeText)), {
    agent: resumeScenarioAgent({ delayMs: 15 }),
    scorers: resumeScenarioScorers,
    store: fsRunStore(dir),
    tracing: eventTracing(),
    concurrency: 2,
    runId,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
