import type { TaskResult } from "../result/task-result.js";
import type { Task } from "../suite/task.js";
import { stableJson } from "../util/stable-json.js";
import { ResumeError } from "./resume-error.js";

/** Ids shown in a message before the rest is only counted. */
const SHOWN_IDS = 5;

/** `['a', 'b']`, or `['a', …] and 3 more` past {@link SHOWN_IDS}: the Python-style id list of messages. */
export function pyList(ids: readonly string[]): string {
  const shown = `[${ids
    .slice(0, SHOWN_IDS)
    .map((id) => `'${id}'`)
    .join(", ")}]`;
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

/**
 * Refuses to mix two suites in one run: every already graded task must have the same
 * `inputs` and `reference_outputs` (compared as JSON) as the suite's task with its id,
 * otherwise its grade would sit next to grades of a different question.
 */
export function checkSuiteUnchanged(
  runId: string,
  done: ReadonlyMap<string, TaskResult>,
  tasks: readonly Task[],
): void {
  const byId = new Map(tasks.map((task) => [task.taskId, task]));
  const inputs: string[] = [];
  const references: string[] = [];
  for (const [taskId, result] of done) {
    const current = byId.get(taskId);
    if (!current) continue;
    if (stableJson(result.task.inputs) !== stableJson(current.inputs)) inputs.push(taskId);
    if (stableJson(result.task.referenceOutputs) !== stableJson(current.referenceOutputs)) {
      references.push(taskId);
    }
  }
  const parts: string[] = [];
  if (inputs.length > 0) parts.push(`inputs of task(s) ${pyList(inputs)}`);
  if (references.length > 0) parts.push(`reference_outputs of task(s) ${pyList(references)}`);
  if (parts.length === 0) return;
  throw new ResumeError(
    runId,
    `resume run ${runId}: the suite changed: ${parts.join(" and ")} differ from the journaled run`,
  );
}

/**
 * Refuses a resume graded by other scorers than the journaled run (the saved run would mix
 * feedback keys). A journal written before scorer keys were recorded skips the check.
 */
export function checkScorersUnchanged(
  runId: string,
  journaled: readonly string[] | undefined,
  current: readonly string[] | undefined,
): void {
  if (!journaled || !current) return;
  const had = new Set(journaled);
  const now = new Set(current);
  const added = current.filter((key) => !had.has(key));
  const removed = journaled.filter((key) => !now.has(key));
  if (added.length + removed.length === 0) return;
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${pyList(added)}`);
  if (removed.length > 0) parts.push(`removed ${pyList(removed)}`);
  throw new ResumeError(
    runId,
    `resume run ${runId}: the scorers changed: ${parts.join(", ")} (journaled: ${pyList(journaled)})`,
  );
}

/**
 * Refuses to mix two agents in one run: the journal's `target` (the agent's name, else its
 * class or factory name) must be this run's, unless `allowed`. A changed implementation behind
 * the same name passes, as does a journal written when `target` was the class name.
 */
export function checkAgentUnchanged(
  runId: string,
  agent: {
    readonly journaled: string;
    readonly current: string;
    readonly className: string;
    readonly allowed: boolean;
  },
): void {
  const { journaled, current, className, allowed } = agent;
  if (allowed || journaled === current || (className !== "" && journaled === className)) return;
  throw new ResumeError(
    runId,
    `resume run ${runId}: the agent changed: the journal was written by '${journaled}', this run has '${current}'; ` +
      "resume with the same agent, or set allowAgentChange (--allow-agent-change) to mix them in one run",
  );
}
