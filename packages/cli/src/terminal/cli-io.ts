/** A writable text stream, as much of one as the CLI needs. */
export interface TextOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width in characters, when it is a terminal. */
  readonly columns?: number;
}

/**
 * Everything the CLI touches outside itself, passed in so tests can run it in-process.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
 * ```
 */
export interface CliIo {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C; a run in progress stops and the CLI exits with 130. */
  readonly signal?: AbortSignal;
}

/** Exit codes the CLI promises to CI. */
export const EXIT = {
  ok: 0,
  /** A gate failed (or an unexpected error). */
  failed: 1,
  /** A usage or configuration mistake. */
  usage: 2,
  /** A run-wide budget (`--max-tokens`, `--max-cost-usd`, `--max-duration`) stopped the run. */
  budgetStopped: 3,
  /** The run finished but the store could not save it; its journal is kept (`--resume` saves it). */
  notSaved: 4,
  /**
   * The run did not finish: agent or scorer code called `process.exit()`, or work never settled
   * with nothing left to wait for. Finished tasks stay in the journal (`--resume`).
   */
  unfinished: 5,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
