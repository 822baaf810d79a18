import type { StoreWarning } from "@ag2/eval";
import type { CliIo } from "../terminal/cli-io.js";
import { colors } from "../terminal/colors.js";
import { visibleText } from "../terminal/visible-text.js";

/**
 * Prints each file a store listing skipped on stderr, one line per file, so a corrupt or
 * foreign run file is visible rather than silently missing from `list` or `trend`. Stdout
 * stays clean for `--json`.
 *
 * @example
 * ```ts
 * const runs = await store.list();
 * printStoreWarnings({ warnings: store.lastWarnings, io });
 * ```
 */
export function printStoreWarnings(options: {
  warnings: readonly StoreWarning[];
  io: CliIo;
}): void {
  const { warnings, io } = options;
  const c = colors({ isTTY: io.stderr.isTTY, env: io.env });
  for (const warning of warnings) {
    // The store's messages usually start with the path already; add it only when missing.
    const text = warning.message.includes(warning.file)
      ? warning.message
      : `${warning.file}: ${warning.message}`;
    io.stderr.write(`${c.yellow("warning:")} skipped ${visibleText(text)}\n`);
  }
  if (warnings.length > 0) {
    io.stderr.write(
      `${warnings.length} file(s) in the store could not be read; fix or remove them\n`,
    );
  }
}
