// @ag2/eval/cli: for authors of tools built on ag2-eval (a command line, a CI step, an editor
// plug-in): the few names such a tool needs beyond the main entry, which keeps to what a person
// writes in an evaluation. Each is the defining package's own object, so `instanceof` and
// `isInstance` checks hold.
export { formatNumber, RunNeverSettledError } from "@ag2/eval-core";
export { closestName } from "@ag2/eval-core/internal";
