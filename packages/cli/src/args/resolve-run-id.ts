import type { RunStore } from "@ag2/eval";
import { UsageError } from "./usage-error.js";

/**
 * The run id a command was given; `latest` (or `latest:<label>`) names the newest saved run,
 * and a unique prefix of a saved run's id names that run (an ambiguous one lists the matches).
 *
 * @example
 * ```ts
 * const runId = await resolveRunId({ store, given: "latest", command: "show" });
 * ```
 */
export async function resolveRunId(options: {
  store: RunStore;
  given: string | undefined;
  command: string;
}): Promise<string> {
  const { store, given, command } = options;
  if (given === undefined) {
    throw new UsageError(`ag2-eval ${command}: missing <run-id>`, {
      hint: `ag2-eval list shows the saved runs; "latest" names the newest`,
    });
  }
  if (given !== "latest" && !given.startsWith("latest:")) {
    return byPrefix(await store.list(), given, command);
  }
  const label = given.startsWith("latest:") ? given.slice("latest:".length) : undefined;
  const [newest] = await store.list(label === undefined ? {} : { label });
  if (!newest) {
    throw new UsageError(
      `ag2-eval ${command}: no saved run${label ? ` with label "${label}"` : ""} to call latest`,
      {
        hint: "ag2-eval run <suite.jsonl> saves one",
      },
    );
  }
  return newest.runId;
}

/** The id itself when saved or unmatched (loading it then says it is missing), else its one match. */
function byPrefix(runs: readonly { runId: string }[], given: string, command: string): string {
  if (runs.some((run) => run.runId === given)) return given;
  const matches = runs.filter((run) => run.runId.startsWith(given)).map((run) => run.runId);
  if (matches.length <= 1) return matches[0] ?? given;
  const shown = matches.slice(0, 10).join(", ");
  const more = matches.length > 10 ? ` and ${matches.length - 10} more` : "";
  throw new UsageError(
    `ag2-eval ${command}: run id prefix "${given}" matches ${matches.length} runs: ${shown}${more}`,
    { hint: "give more characters of the id" },
  );
}
