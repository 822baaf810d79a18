import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Suite, TraceRef, TraceSource } from "@ag2/eval-core";
import { blindPair } from "./human-pairwise.js";
import { pythonJsonDumps } from "./internal/python-text.js";
import { seededRandom } from "./internal/seeded-random.js";

/** Options of {@link exportPairwiseCases}. */
export interface ExportPairwiseCasesOptions {
  /** One line per (pair, criterion). */
  readonly criteria: readonly string[];
  /** The JSONL file to write; parent folders are created. */
  readonly out: string;
  /** Gives each case its `task_input`; without it, `task_input` is null. */
  readonly suite?: Suite | null;
  /** Makes the blinding order repeatable (mulberry32; not Python's sequence). */
  readonly seed?: number | null;
}

/**
 * Writes blinded pairwise cases for people to label: A's traces paired with B's by task id,
 * one JSON line per (pair, criterion):
 * `{ case_id: "<task_id>::<criterion>", task_id, criterion, task_input, response_1, response_2, first_variant }`.
 * The order shown (`first_variant`) is drawn once per task and shared by its criteria. Fill in
 * `preferred` and read the file back with {@link humanLabels}. Resolves to the file's path.
 *
 * Use when labelling happens outside the terminal (a spreadsheet, an annotation tool, a team).
 * Avoid when one person labels a few cases now; use {@link humanPairwise}.
 *
 * @example
 * ```ts
 * const path = await exportPairwiseCases(sourceA, sourceB, { criteria: ["helpful"], out: "labels/cases.jsonl", suite, seed: 7 });
 * ```
 */
export async function exportPairwiseCases(
  sourceA: TraceSource,
  sourceB: TraceSource,
  options: ExportPairwiseCasesOptions,
): Promise<string> {
  const random = seededRandom(options.seed);
  const tasks = new Map((options.suite?.tasks ?? []).map((task) => [task.taskId, task]));
  const refsA: TraceRef[] = [];
  for await (const ref of sourceA.list()) refsA.push(ref);
  const refsB = new Map<string, TraceRef>();
  for await (const ref of sourceB.list()) if (ref.taskId) refsB.set(ref.taskId, ref);
  const lines: string[] = [];
  for (const refA of refsA) {
    const taskId = refA.taskId;
    const refB = taskId ? refsB.get(taskId) : undefined;
    if (!taskId || !refB) continue;
    const [traceA, traceB] = await Promise.all([sourceA.load(refA), sourceB.load(refB)]);
    const { firstVariant, response1, response2 } = blindPair(random, traceA, traceB);
    const input = tasks.get(taskId)?.inputs.input;
    for (const criterion of options.criteria) {
      lines.push(
        pythonJsonDumps({
          case_id: `${taskId}::${criterion}`,
          task_id: taskId,
          criterion,
          task_input: input ?? null,
          response_1: response1,
          response_2: response2,
          first_variant: firstVariant,
        }),
      );
    }
  }
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, lines.map((line) => `${line}\n`).join(""), "utf8");
  return out;
}
