import type { ScoreDirection } from "../scoring/scorer.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import type { Aggregates } from "./aggregates.js";
import type { StopReason } from "./stop-reason.js";
import type { TaskResult } from "./task-result.js";

/** Name, size and origin of the suite a run graded. */
export interface SuiteInfo {
  readonly name: string;
  readonly source: string;
  /** Number of task runs (tasks × repeats for `runAgent`). */
  readonly size: number;
}

/** What a {@link RunResult} is built from. */
export interface RunResultInit {
  readonly runId: string;
  readonly tasks: readonly TaskResult[];
  readonly suite: SuiteInfo;
  /** What was evaluated: the agent's `name`, else its class or factory name, or `trace-source:<Source>`. */
  readonly target: string;
  readonly concurrency: number;
  readonly durationMs: number;
  /** ISO-8601 UTC time the run started. */
  readonly createdAt: string;
  readonly label?: string | null;
  /**
   * Problems that did not stop the run (a failed save, a failing stream subscriber). Not
   * part of the run file: they describe this call, not the graded tasks.
   */
  readonly warnings?: readonly string[];
  /** Set when a run-wide budget stopped the run before every task was graded. */
  readonly stopReason?: StopReason | null;
  /**
   * Set when the store failed to save the finished run (a full disk, a folder where the file
   * should go, a value the writer cannot serialize): the run is not saved, its journal is kept
   * and `resume` saves it. Not part of the run file.
   */
  readonly saveError?: ErrorInfo | null;
  /**
   * Extra top-level keys of the run file (snake_case, JSON values), written after the standard
   * ones and read back as they are: what a caller records about the run, e.g. `model_cache`.
   */
  readonly extraFields?: Readonly<Record<string, unknown>>;
  /**
   * Feedback keys whose scorer declared a direction (`"lower"`: a smaller number is better);
   * every other key is higher-is-better. Recorded in the run file.
   */
  readonly scoreDirections?: Readonly<Record<string, ScoreDirection>>;
}

/**
 * A run's data as a `RunResult` holds it: what the run file writer, the summary and the diff
 * read, so they need no `RunResult` class (which calls them).
 */
export interface RunData
  extends Omit<
    RunResultInit,
    "label" | "warnings" | "stopReason" | "saveError" | "extraFields" | "scoreDirections"
  > {
  readonly schemaVersion: "0.1";
  readonly label: string | null;
  /** See {@link RunResultInit.warnings}; empty when the run had none. */
  readonly warnings: readonly string[];
  /** See {@link RunResultInit.stopReason}; null for a run that graded every task. */
  readonly stopReason: StopReason | null;
  /** See {@link RunResultInit.extraFields}; empty when there are none. */
  readonly extraFields: Readonly<Record<string, unknown>>;
  /** See {@link RunResultInit.scoreDirections}; empty when no scorer declared one. */
  readonly scoreDirections: Readonly<Record<string, ScoreDirection>>;
  readonly aggregates: Aggregates;
}
