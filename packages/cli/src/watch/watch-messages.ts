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

/** Messages from the parent: start the run (to a waiting child), or stop it. */
export type WatchParentMessage =
  | { readonly type: "start"; readonly request: WatchChildRequest }
  /** A newer change arrived, or Ctrl-C. */
  | { readonly type: "cancel" };

/**
 * Whether an IPC message is the parent's `start`.
 *
 * @example
 * ```ts
 * process.on("message", (message) => { if (isWatchStartMessage(message)) run(message.request); });
 * ```
 */
export function isWatchStartMessage(
  message: unknown,
): message is Extract<WatchParentMessage, { type: "start" }> {
  const candidate = message as { type?: unknown; request?: { args?: unknown } } | null;
  return candidate?.type === "start" && Array.isArray(candidate.request?.args);
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
