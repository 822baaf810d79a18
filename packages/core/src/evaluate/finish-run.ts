import { type EvalCompleted, evalEvent } from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import type { RunResultInit } from "../result/run-data.js";
import { RunResult } from "../run-result/run-result.js";
import type { RunStore } from "../run-result/run-store.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { ErrorInfo } from "../trace/trace-events.js";

/** Turns the stream failures since `from` into warning lines. */
export function streamWarnings(stream: Stream | null | undefined, from: number): string[] {
  if (!stream) return [];
  return stream.errors
    .slice(from)
    .map(
      ({ event, error }) =>
        `stream subscriber failed on ${event.type}: ${error.type}: ${error.message}`,
    );
}

/**
 * The last step of every run: builds the {@link RunResult}, saves it when a store is given
 * (a failed save sets `saveError` on the result and keeps the journal, so the graded tasks
 * are never lost),
 * publishes `EvalCompleted` and returns the result.
 */
export async function finishRun(
  init: RunResultInit,
  context: {
    store: RunStore | null | undefined;
    stream: Stream | null | undefined;
    streamErrorsFrom: number;
    /** Runs after a successful save (e.g. discarding the journal); a failure becomes a warning. */
    afterSave?: (() => Promise<void>) | undefined;
  },
): Promise<RunResult> {
  const warnings = [
    ...(init.warnings ?? []),
    ...streamWarnings(context.stream, context.streamErrorsFrom),
  ];
  let result = new RunResult({ ...init, warnings });
  let saveError: ErrorInfo | null = null;
  const warn = (what: string, error: unknown): void => {
    const info = toErrorInfo(error);
    warnings.push(`${what}: ${info.type}: ${info.message}`);
    result = new RunResult({ ...init, warnings, saveError });
  };
  if (context.store) {
    let saved = false;
    try {
      await context.store.save(result);
      saved = true;
    } catch (error) {
      saveError = toErrorInfo(error);
      // the journal stays (afterSave does not run): `resume` saves the run later
      warn(`saving run ${init.runId} failed`, error);
    }
    if (saved && context.afterSave) {
      await context
        .afterSave()
        .catch((error: unknown) => warn(`after saving run ${init.runId}`, error));
    }
  }
  context.stream?.publish(
    evalEvent<EvalCompleted>({
      type: "EvalCompleted",
      runId: init.runId,
      label: init.label ?? null,
      result,
      stopReason: result.stopReason,
    }),
  );
  return result;
}
