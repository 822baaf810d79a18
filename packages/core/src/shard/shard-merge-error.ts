import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/**
 * `mergeRuns` was given runs that are not the complete, disjoint shards of one evaluation:
 * a run that is not a shard, the same run twice, two runs of one shard, missing shards, or
 * shards of different suites, scorers, agents, repeats or shard counts. Nothing is merged;
 * `problems` lists every mismatch found.
 *
 * @example
 * ```ts
 * try { mergeRuns([shard1, shard2], { runId: "nightly" }); }
 * catch (error) { if (ShardMergeError.isInstance(error)) console.error(error.problems); }
 * ```
 */
export class ShardMergeError extends Ag2EvalError {
  static override readonly errorName: string = "ShardMergeError";
  /** One line per problem, as listed in the message. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    // one line, so a command line's first line of error output says every problem
    super(`cannot merge these runs into one run: ${problems.join("; ")}`);
    this.problems = Object.freeze([...problems]);
  }
}
