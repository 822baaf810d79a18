// Child process for the resume test: runs (or, with "resume", continues) a run of slow tasks
// into an FsRunStore, 4 at a time, each taking 20 ms.
import { eventTracing, runAgent } from "@ag2/eval-core";
import { fsRunStore } from "../fs-run-store.js";
import { resumeScorers, resumeSuite, slowAgent } from "./resume-agent.js";

const [dir, runId, sideFile, mode, sizeText] = process.argv.slice(2);
if (!dir || !runId || !sideFile || !mode || !sizeText) {
  throw new Error("usage: resume-child <dir> <runId> <sideFile> start|resume <size>");
}
await runAgent(resumeSuite(Number(sizeText)), {
  agent: slowAgent({ delayMs: 20, sideFile }),
  scorers: resumeScorers,
  store: fsRunStore(dir),
  tracing: eventTracing(),
  concurrency: 4,
  label: "resume",
  ...(mode === "resume" ? { resume: runId } : { runId }),
});
