/** What a run read from disk: a module it imported (config, agent, scorers) or its suite file. */
export type WatchedInputKind = "module" | "suite";

type InputListener = (path: string, kind: WatchedInputKind) => void;

let listener: InputListener | null = null;

/**
 * Sets the one listener told of every input a command reads (`ag2-eval watch` re-runs when
 * one of them changes); null removes it. Paths are reported before they are read, so a file
 * that is missing or does not parse is still reported, and watched until it is fixed.
 *
 * @example
 * ```ts
 * onWatchedInput((path, kind) => inputs.set(path, kind));
 * ```
 */
export function onWatchedInput(next: InputListener | null): void {
  listener = next;
}

/**
 * Reports an input to the listener, if any. A listener that throws is ignored: watching is
 * a by-product of the run and never stops it.
 *
 * @example
 * ```ts
 * noteWatchedInput(suitePath, "suite");
 * ```
 */
export function noteWatchedInput(path: string, kind: WatchedInputKind): void {
  try {
    listener?.(path, kind);
  } catch {
    // the run goes on without it
  }
}
