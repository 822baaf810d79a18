import { type FlagValues, parseCommandArgs } from "../args/parse-command-args.js";
import { loadSettings, openStore } from "../config/settings.js";
import { onWatchedInput } from "../config/watched-inputs.js";
import { RUN_FLAGS } from "../run/run-flags.js";
import type { CliIo, TextOutput } from "../terminal/cli-io.js";
import { EXIT } from "../terminal/cli-io.js";
import { changesSince } from "./changes-since.js";
import {
  isWatchStartMessage,
  type WatchChildMessage,
  type WatchChildRequest,
} from "./watch-messages.js";

/**
 * The request of a waiting watch child: resolves on the parent's `start` message. A child
 * whose parent is gone (its IPC channel closed) exits.
 *
 * @example
 * ```ts
 * const request = await watchChildRequest();
 * ```
 */
export function watchChildRequest(): Promise<WatchChildRequest> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isWatchStartMessage(message)) return;
      process.off("message", onMessage);
      process.off("disconnect", onGone);
      resolve(message.request);
    };
    const onGone = () => process.exit(0);
    process.on("message", onMessage);
    process.on("disconnect", onGone);
  });
}

/**
 * The body of a watch child process, once its request came. The parent's `cancel` message,
 * its going away, or a Ctrl-C reaching the child aborts the run; from then on
 * the child prints nothing (the parent says why the run stopped) and the unfinished run's
 * journal is removed, so a cancelled run leaves nothing in the store. Resolves to the code
 * `ag2-eval run` returned.
 *
 * @example
 * ```ts
 * process.exitCode = await runWatchChild({ request: await watchChildRequest(), main });
 * ```
 */
export async function runWatchChild(options: {
  request: WatchChildRequest;
  main: (argv: readonly string[], io: CliIo) => Promise<number>;
}): Promise<number> {
  const { request } = options;
  const send = (message: WatchChildMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send) return resolve();
      process.send(message, () => resolve());
    });
  const controller = new AbortController();
  const cancel = () => controller.abort(new Error("cancelled: a watched file changed"));
  process.on("message", (message) => {
    if ((message as { type?: unknown } | null)?.type === "cancel") cancel();
  });
  process.on("SIGINT", cancel);
  process.on("disconnect", cancel);
  onWatchedInput((path, kind) => void send({ type: "input", path, kind }));
  const quiet = (stream: TextOutput): TextOutput => ({
    write: (text) => (controller.signal.aborted ? true : stream.write(text)),
    isTTY: stream.isTTY,
  });
  const io: CliIo = {
    stdout: quiet(process.stdout),
    stderr: quiet(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
  const args = [...request.args];
  // the parent checked the flags; should they still be refused, main reports it
  const values = ((): FlagValues => {
    try {
      return parseCommandArgs({ command: "run", args, flags: RUN_FLAGS, maxPositionals: 1 }).values;
    } catch {
      return {};
    }
  })();
  const settings = await loadSettings({ values, io }).catch(() => null);
  // read-write by default: a re-run after editing a scorer should not pay for the model again
  if (settings && values.cache === undefined && settings.config.cache === undefined) {
    args.unshift("--cache=read-write");
  }
  const code = await options.main(["run", ...args], io);
  const runId = typeof values["run-id"] === "string" ? values["run-id"] : null;
  const store = settings && runId ? await openStore(settings).catch(() => null) : null;
  const cancelled = controller.signal.aborted;
  let saved = false;
  if (store && runId) {
    if (cancelled) await store.discardJournal?.(runId).catch(() => {});
    else
      saved = await store.load(runId).then(
        () => true,
        () => false,
      );
    if (saved && request.previousRunId !== null && values.json !== true) {
      const text = await changesSince({ store, runId, previousRunId: request.previousRunId });
      if (text) io.stdout.write(text);
    }
  }
  await send({ type: "done", code, saved, cancelled });
  return cancelled ? EXIT.interrupted : code;
}
