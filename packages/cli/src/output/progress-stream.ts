import { createStream, type Stream } from "@ag2/eval";
import type { CliIo } from "../terminal/cli-io.js";
import { colors } from "../terminal/colors.js";
import {
  createProgressRenderer,
  type ProgressRenderer,
  progressMode,
} from "./progress-renderer.js";

/**
 * A lifecycle-event stream whose events drive the progress display on stderr: a live line on
 * a terminal, one line per task otherwise, nothing extra with `--json`.
 *
 * @example
 * ```ts
 * const { stream, progress } = progressStream({ io, json: false });
 * try { await runAgent(suite, { ...options, stream }); } finally { progress.stop(); }
 * ```
 */
export function progressStream(options: { io: CliIo; json: boolean }): {
  stream: Stream;
  progress: ProgressRenderer;
} {
  const { io } = options;
  const progress = createProgressRenderer({
    mode: progressMode({ isTTY: io.stderr.isTTY, env: io.env, json: options.json }),
    write: (text) => io.stderr.write(text),
    colors: colors({ isTTY: io.stderr.isTTY, env: io.env }),
  });
  const stream = createStream();
  stream.subscribe((event) => progress.handle(event));
  return { stream, progress };
}

/**
 * Runs `work` with a {@link progressStream}'s stream and stops the progress display when it
 * settles, either way.
 *
 * @example
 * ```ts
 * const result = await withProgress({ io, json, work: (stream) => runPairwise(suite, { ...options, stream }) });
 * ```
 */
export async function withProgress<T>(options: {
  io: CliIo;
  json: boolean;
  work: (stream: Stream) => Promise<T>;
}): Promise<T> {
  const { stream, progress } = progressStream(options);
  try {
    return await options.work(stream);
  } finally {
    progress.stop();
  }
}
