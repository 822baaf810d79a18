import type { TextOutput } from "./cli-io.js";

/**
 * `stream` as a {@link TextOutput} that goes quiet once its reader has gone: `ag2-eval show
 * latest | head -1` closes the pipe after one line, and the next write fails with EPIPE,
 * which Node raises as an unhandled 'error' event (a stack trace and exit 1). Here the rest of
 * the output is dropped and the command finishes with its own exit code. Any other stream
 * error is rethrown, as before.
 *
 * @example
 * ```ts
 * await main(argv, { stdout: quietOnBrokenPipe(process.stdout), ... });
 * ```
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): TextOutput {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}
