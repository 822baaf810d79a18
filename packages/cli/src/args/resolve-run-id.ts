import type { RunStore } from "@ag2/eval";
import { UsageError } from "./usage-error.js";

/**
 * The run id a command was given; `latest` (or `latest:<label>`) names the newest saved run.
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
  if (given !== "latest" && !given.startsWith("latest:")) return given;
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
