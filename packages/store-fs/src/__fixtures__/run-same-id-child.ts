// Child process for the one-writer test: races for a run id in an FsRunStore (see
// raceForRunId); on a refusal it prints the error's name and message and exits 2.
import { raceForRunId } from "@ag2/eval-core/testing";
import { fsRunStore } from "../fs-run-store.js";

const [dir, runId, sizeText, startAtText] = process.argv.slice(2);
if (!dir || !runId || !sizeText || !startAtText) {
  throw new Error("usage: run-same-id-child <dir> <runId> <size> <startAt>");
}
const options = { runId, size: Number(sizeText), startAt: Number(startAtText) };
const refused = await raceForRunId(fsRunStore(dir), options);
if (refused !== null) {
  process.stderr.write(`${refused}\n`);
  process.exitCode = 2;
}
