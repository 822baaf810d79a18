import type { WatchedInputKind } from "../config/watched-inputs.js";

/** The run a watch child was asked for: its arguments and the run to compare it with. */
export interface WatchChildRequest {
  /** `ag2-eval run`'s arguments, `--run-id` included. */
  readonly args: readonly string[];
  /** The previous finished run of this watch session, or null for the first run. */
  readonly previousRunId: string | null;
}

/** Messages from a watch child to its parent, over the child's IPC channel. */
export type WatchChildMessage =
  | { readonly type: "input"; readonly path: string; readonly kind: WatchedInputKind }
  | {
      readonly type: "done";
      /** The exit code `ag2-eval run` would have exited with. */
      readonly code: number;
      /** True when the run file was saved (a usage error or a cancelled run saves none). */
      readonly saved: boolean;
      readonly cancelled: boolean;
    };

/** The one message a parent sends: stop the run, a newer change arrived (or Ctrl-C). */
export interface WatchCancelMessage {
  readonly type: "cancel";
}

/**
 * Whether an IPC message is a {@link WatchChildMessage}.
 *
 * @example
 * ```ts
 * child.on("message", (message) => { if (isWatchChildMessage(message)) handle(message); });
 * ```
 */
export function isWatchChildMessage(message: unknown): message is WatchChildMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "input" || type === "done";
}
