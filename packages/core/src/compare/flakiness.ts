import { groupRepeats, lastScore } from "../result/repeat-groups.js";
import type { RunData } from "../result/run-data.js";
import type { TaskResult } from "../result/task-result.js";
import { flipRate, passAtK, passHatK } from "../stats/pass-at-k.js";

/** How one task behaved on one boolean key over its repeats. */
export interface TaskFlakiness {
  /** The task's id without the repeat suffix. */
  readonly taskId: string;
  readonly key: string;
  /** Repeats that produced a boolean score for the key. */
  readonly n: number;
  readonly passes: number;
  /** `passAtK[k - 1]` is pass@k, for k = 1…n. */
  readonly passAtK: readonly number[];
  /** `passHatK[k - 1]` is pass^k, for k = 1…n. */
  readonly passHatK: readonly number[];
  /** The chance that two different repeats disagree. */
  readonly flipRate: number;
  /** Passed at least once and failed at least once. */
  readonly flaky: boolean;
}

/** One boolean key over the whole run. */
export interface KeyFlakiness {
  readonly key: string;
  readonly tasks: number;
  readonly flakyTasks: number;
  /** Mean pass@k over the tasks with at least k repeats, for k = 1…max repeats. */
  readonly passAtK: readonly number[];
  /** Mean pass^k over the tasks with at least k repeats. */
  readonly passHatK: readonly number[];
  readonly meanFlipRate: number;
}

/** What {@link flakiness} reports. */
export interface FlakinessReport {
  /** Per task and key, in task order then key order. */
  readonly tasks: readonly TaskFlakiness[];
  /** Per boolean key, sorted by key. */
  readonly keys: readonly KeyFlakiness[];
  /** Ids (without repeat suffix) of tasks flaky on any key, in task order. */
  readonly flaky: readonly string[];
}

/**
 * Flakiness from repeats: groups a run's task results by the task they repeat and, for every
 * boolean key, reports passes over repeats, pass@k and pass^k for each k, and the flip rate;
 * plus the list of flaky tasks (passed sometimes, failed sometimes). Repeats whose last
 * feedback for the key is not a boolean (a crashed scorer) are left out of that key's counts.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { ...options, repeats: 5 });
 * const report = flakiness(result);
 * console.log(report.flaky, report.keys[0]?.passHatK.at(-1));
 * ```
 */
export function flakiness(run: RunData | readonly TaskResult[]): FlakinessReport {
  const results = "tasks" in run ? run.tasks : (run as readonly TaskResult[]);
  const tasks: TaskFlakiness[] = [];
  for (const [taskId, group] of groupRepeats(results)) {
    const keys = [...new Set(group.flatMap((r) => r.feedback.map((fb) => fb.key)))].sort();
    for (const key of keys) {
      const outcomes = group
        .map((r) => lastScore(r, key))
        .filter((score): score is boolean => typeof score === "boolean");
      if (outcomes.length === 0) continue;
      const n = outcomes.length;
      const passes = outcomes.filter(Boolean).length;
      const ks = Array.from({ length: n }, (_, i) => i + 1);
      tasks.push({
        taskId,
        key,
        n,
        passes,
        passAtK: ks.map((k) => passAtK(n, passes, k)),
        passHatK: ks.map((k) => passHatK(n, passes, k)),
        flipRate: flipRate(outcomes),
        flaky: passes > 0 && passes < n,
      });
    }
  }
  const flaky = [...new Set(tasks.filter((t) => t.flaky).map((t) => t.taskId))];
  return { tasks, keys: summarizeKeys(tasks), flaky };
}

function summarizeKeys(tasks: readonly TaskFlakiness[]): KeyFlakiness[] {
  const byKey = new Map<string, TaskFlakiness[]>();
  for (const t of tasks) {
    const rows = byKey.get(t.key);
    if (rows) rows.push(t);
    else byKey.set(t.key, [t]);
  }
  return [...byKey.keys()].sort().map((key) => {
    const rows = byKey.get(key)!;
    const maxN = Math.max(...rows.map((r) => r.n));
    const meanAt = (pick: (r: TaskFlakiness) => readonly number[], k: number) => {
      const eligible = rows.filter((r) => r.n >= k);
      return eligible.reduce((sum, r) => sum + pick(r)[k - 1]!, 0) / eligible.length;
    };
    const ks = Array.from({ length: maxN }, (_, i) => i + 1);
    return {
      key,
      tasks: rows.length,
      flakyTasks: rows.filter((r) => r.flaky).length,
      passAtK: ks.map((k) => meanAt((r) => r.passAtK, k)),
      passHatK: ks.map((k) => meanAt((r) => r.passHatK, k)),
      meanFlipRate: rows.reduce((sum, r) => sum + r.flipRate, 0) / rows.length,
    };
  });
}
