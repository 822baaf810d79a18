import type { RunResult } from "@ag2/eval";

/**
 * The example's command: runs it, prints the summary and the tokens spent, and exits 0 only
 * when every answer matched with no warning.
 *
 * @example
 * ```ts
 * await weatherExampleMain(runExample);
 * ```
 */
export async function weatherExampleMain(run: () => Promise<RunResult>): Promise<void> {
  const result = await run();
  process.stdout.write(`${result.summary()}\n`);
  const tokens = result.tasks.reduce((sum, task) => sum + task.trace.tokens.total, 0);
  process.stdout.write(`tokens: ${tokens}\n`);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.exitCode =
    result.warnings.length === 0 && result.passRate("final_answer_matches") === 1 ? 0 : 1;
}
