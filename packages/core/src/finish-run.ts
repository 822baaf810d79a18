import { type EvalCompleted, evalEvent } from "./lifecycle-events.js";
import { toErrorInfo } from "./middleware.js";
import { RunResult, type RunResultInit } from "./run-result.js";
import type { RunStore } from "./run-store.js";
import type { Stream } from "./stream.js";

/** Turns the stream failures since `from` into warning lines. */
export function streamWarnings(stream: Stream | null | undefined, from: number): string[] {
  if (!stream) return [];
  return stream.errors
    .slice(from)
    .map(({ event, error }) => `stream subscriber failed on ${event.type}: ${error.type}: ${error.message}`);
}

/**
 * The last step of every run: builds the {@link RunResult}, saves it when a store is given
 * (a failed save becomes a warning on the result, so the graded tasks are never lost),
 * publishes `EvalCompleted` and returns the result.
 */
export async function finishRun(
  init: RunResultInit,
  context: { store: RunStore | null | undefined; stream: Stream | null | undefined; streamErrorsFrom: number },
): Promise<RunResult> {
  const warnings = [...(init.warnings ?? []), ...streamWarnings(context.stream, context.streamErrorsFrom)];
  let result = new RunResult({ ...init, warnings });
  if (context.store) {
    try {
      await context.store.save(result);
    } catch (error) {
      const info = toErrorInfo(error);
      warnings.push(`saving run ${init.runId} failed: ${info.type}: ${info.message}`);
      result = new RunResult({ ...init, warnings });
    }
  }
  context.stream?.publish(
    evalEvent<EvalCompleted>({ type: "EvalCompleted", runId: init.runId, label: init.label ?? null, result }),
  );
  return result;
}
