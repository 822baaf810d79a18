import type { TextOutput } from "./cli-io.js";

/** A {@link TextOutput} over a process stream that remembers why writing to it failed. */
export interface GuardedOutput extends TextOutput {
  /** The error that stopped the output (a full disk, a closed file), or null; EPIPE is not one. */
  readonly failure: NodeJS.ErrnoException | null;
}

/**
 * `stream` as a {@link TextOutput} that goes quiet once its reader has gone: `ag2-eval show
 * latest | head -1` closes the pipe after one line, and the next write fails with EPIPE,
 * which Node raises as an unhandled 'error' event (a stack trace and exit 1). Here the rest of
 * the output is dropped and the command finishes with its own exit code. Any other failure
 * (`> /full/disk/out.txt`: ENOSPC) also drops the rest, and is kept in `failure` so the
 * command can end with one line saying the output is incomplete rather than a stack trace.
 *
 * @example
 * ```ts
 * const stdout = quietOnBrokenPipe(process.stdout);
 * await main(argv, { stdout, ... });
 * if (stdout.failure) process.exitCode = 1;
 * ```
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): GuardedOutput {
  let closed = false;
  let failure: NodeJS.ErrnoException | null = null;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code !== "EPIPE") failure ??= error;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get failure() {
      return failure;
    },
  };
}
