// A writer process of the RunStore contract's killed-writer case: runs (or resumes) the
// contract's scenario into an FsRunStore on the folder it is given.
import { runResumeWriter } from "@ag2/eval-core/testing";
import { fsRunStore } from "../fs-run-store.js";

const [dir, request] = process.argv.slice(2);
if (!dir || !request) throw new Error("usage: killed-writer-child <dir> <request JSON>");
await runResumeWriter(fsRunStore(dir), JSON.parse(request));
