import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { Suite } from "./suite.js";
import type { TaskRecord } from "./task-record.js";

/** What a runner accepts as a suite: a `Suite`, a JSONL path or URL, or inline task records. */
export type SuiteInput = Suite | string | URL | readonly TaskRecord[];

/**
 * Loads a {@link SuiteInput}: a `Suite` passes through, a path or URL is read with
 * `Suite.fromFile` (JSONL, CSV or JSON by extension), a list with `Suite.fromList` (never wrapped as one prompt).
 *
 * @example
 * ```ts
 * const suite = await resolveSuite([{ task_id: "a", inputs: { input: "hi" } }]);
 * ```
 */
export async function resolveSuite(suite: SuiteInput, caller = "runAgent"): Promise<Suite> {
  if (suite instanceof Suite) return suite;
  if (typeof suite === "string" || suite instanceof URL) return Suite.fromFile(suite);
  const value: unknown = suite;
  if (Array.isArray(value)) return Suite.fromList(value as TaskRecord[]);
  const other = value as Suite | null;
  if (typeof other === "object" && other !== null && Array.isArray(other.tasks)) {
    // a Suite from another copy of this package fails instanceof but is still a suite
    return new Suite(other.tasks, { name: other.name, source: other.source });
  }
  throw new InvalidOptionError(
    "suite",
    `${caller}: suite must be a Suite, a JSONL path (string or URL) or a list of task records; got ${typeof suite}`,
  );
}

/**
 * Rejects, before anything runs, tasks whose inputs lack `input` (the prompt `runAgent` asks
 * the agent); an explicit `""` is allowed.
 */
export function checkInputs(suite: Suite): void {
  const missing = suite.tasks
    .filter((task) => !Object.hasOwn(task.inputs, "input"))
    .map((task) => task.taskId);
  if (missing.length === 0) return;
  const list = `[${missing.map((id) => `'${id}'`).join(", ")}]`;
  throw new InvalidOptionError(
    "suite",
    `runAgent asks the agent inputs['input'], but these task(s) have no 'input' key: ${list}. Add an "input" to each (use "" for an intentionally empty prompt).`,
  );
}
