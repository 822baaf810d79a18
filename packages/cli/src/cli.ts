#!/usr/bin/env node
import { main } from "./main.js";
import { backgroundWorkAbandoned } from "./run/background-work.js";
import { guardExitDuringRun } from "./run/run-in-progress.js";
import { quietOnBrokenPipe } from "./terminal/quiet-on-broken-pipe.js";

/**
 * After the first Ctrl-C, how long running work (an agent that ignores its signal, a span
 * exporter still flushing) may keep the process alive once the command has returned.
 */
const DEFAULT_GRACE_MS = 2000;

guardExitDuringRun(process.stderr);

const controller = new AbortController();
// The first Ctrl-C cancels the run cleanly; a second one exits at once. Either way the
// journal stays, so the run can be resumed.
process.once("SIGINT", () => {
  controller.abort(new Error("interrupted (SIGINT)"));
  process.once("SIGINT", () => {
    process.stderr.write("\ninterrupted again: exiting now (finished tasks stay in the journal)\n");
    process.exit(130);
  });
});

const stdout = quietOnBrokenPipe(process.stdout);
const stderr = quietOnBrokenPipe(process.stderr);
process.exitCode = await main(process.argv.slice(2), {
  stdout,
  stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});

// output that could not be written (a full disk behind `>`) must not pass as a success; the
// stream reports a failed write on a later tick
await new Promise((resolve) => setImmediate(resolve));
const lost = stdout.failure ?? stderr.failure;
if (lost !== null) {
  if (stdout.failure !== null && stderr.failure === null) {
    stderr.write(`error: the output could not be written, so it is incomplete (${lost.message})\n`);
  }
  if (process.exitCode === 0) process.exitCode = 1;
}

if (controller.signal.aborted) {
  const grace = Number(process.env.AG2_EVAL_INTERRUPT_GRACE_MS);
  const code = process.exitCode;
  // unref: a process with nothing left running exits at once, without waiting for the timer
  setTimeout(
    () => process.exit(code),
    Number.isFinite(grace) && grace >= 0 ? grace : DEFAULT_GRACE_MS,
  ).unref();
} else if (backgroundWorkAbandoned()) {
  // what was given up on would only hold the process on its own timers: exit once the output
  // written so far is out
  const code = process.exitCode;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
