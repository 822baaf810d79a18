/** The flag of `ag2-eval` that sets each option the runners check, for errors that name the option. */
const FLAG_OF: Readonly<Record<string, string>> = {
  runId: "--run-id",
  shard: "--shard",
  concurrency: "--concurrency",
  repeats: "--repeats",
  resume: "--resume",
  label: "--label",
  variant: "--variant",
  overwrite: "--overwrite",
  allowAgentChange: "--allow-agent-change",
  taskTimeoutMs: "--timeout",
  retries: "--retries",
  scorerTimeoutMs: "--scorer-timeout",
  comparatorTimeoutMs: "--comparator-timeout",
  runBudget: "--max-tokens, --max-cost-usd or --max-duration",
};

/**
 * The hint for an input error that came with none of its own: the runners name their options
 * as the API spells them (`option 'runId'`), so the flag that sets it is named beside; the
 * stack `--debug` would add says nothing about the input, so it is not suggested.
 *
 * @example
 * ```ts
 * inputErrorHint("runAgent: option 'runId' must be usable as a file name", "run");
 * // "option 'runId' is what --run-id sets (ag2-eval run --help lists its flags)"
 * ```
 */
export function inputErrorHint(message: string, command: string | undefined): string {
  const help = command ? `ag2-eval ${command} --help lists its flags` : "ag2-eval --help";
  const option = /\boption '(\w+)'/.exec(message)?.[1];
  const flag = option === undefined ? undefined : FLAG_OF[option];
  return flag ? `option '${option}' is what ${flag} sets (${help})` : help;
}
