/** Whether a command gave up on work still running in the background. */
let abandoned = false;

/**
 * Marks work the command gave up on but cannot cancel (an OTLP exporter still retrying an
 * endpoint that is down, on timers of its own): once the command has returned and its output
 * is written, the bin exits instead of keeping the process alive for it.
 *
 * @example
 * ```ts
 * if (!flushed) abandonBackgroundWork();
 * ```
 */
export function abandonBackgroundWork(): void {
  abandoned = true;
}

/** True once {@link abandonBackgroundWork} was called in this process. */
export function backgroundWorkAbandoned(): boolean {
  return abandoned;
}
