import { readFile } from "node:fs/promises";
import { Ag2EvalError, type PairwiseComparator } from "@ag2/eval-core";
import { deblind } from "./human-pairwise.js";

/**
 * A labelled pairwise manifest could not be read: names the file, the 1-based line (null when
 * the file itself could not be opened) and what was wrong.
 *
 * @example
 * ```ts
 * // rejected compare → recorded as a tie "comparator raised: HumanLabelsError: labels.jsonl:3: …"
 * ```
 */
export class HumanLabelsError extends Ag2EvalError {
  static override readonly errorName: string = "HumanLabelsError";
  constructor(
    readonly path: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${line === null ? path : `${path}:${line}`}: ${detail}`);
  }
}

async function readManifest(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const got = code === "ENOENT" ? "no such file" : `unreadable file (${code ?? String(error)})`;
    throw new HumanLabelsError(
      path,
      null,
      `got ${got}, expected a JSONL file written by exportPairwiseCases with "preferred" filled in on each labelled line`,
    );
  }
}

interface Label {
  readonly preferred: unknown;
  readonly firstVariant: "a" | "b";
}

async function readLabels(path: string, criterion: string): Promise<Map<string, Label>> {
  const labels = new Map<string, Label>();
  const lines = (await readManifest(path)).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new HumanLabelsError(
        path,
        index + 1,
        `got invalid JSON (${(error as Error).message}), expected one JSON object per line`,
      );
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      throw new HumanLabelsError(
        path,
        index + 1,
        `got ${JSON.stringify(record)}, expected a JSON object`,
      );
    }
    const row = record as Record<string, unknown>;
    if (row.criterion !== criterion) continue;
    if (typeof row.task_id !== "string") {
      throw new HumanLabelsError(
        path,
        index + 1,
        `field task_id: got ${JSON.stringify(row.task_id)}, expected a string`,
      );
    }
    // The last line for a task wins, so a relabelled case can simply be appended.
    labels.set(row.task_id, {
      preferred: row.preferred,
      firstVariant: row.first_variant === "b" ? "b" : "a",
    });
  }
  return labels;
}

/**
 * A comparator that reads human labels from a manifest written by {@link exportPairwiseCases}
 * and filled in by people (`preferred`: `"1"`, `"2"` or `"tie"`). Only lines of `criterion` are
 * used; the file is read once, on the first compare. A task without a label (or with a null
 * `preferred`) is a tie with reasoning `no human label` and `detail.missing`.
 *
 * Use when humans label offline (a spreadsheet, an annotation tool) and you want their verdicts
 * as a comparator key, e.g. to measure a judge's agreement with people.
 * Avoid when labelling live in the terminal; use {@link humanPairwise}.
 *
 * @example
 * ```ts
 * const result = await evaluatePairwise(sourceA, sourceB, {
 *   comparators: [humanLabels("labels.jsonl", { criterion: "helpful", key: "human" })],
 * });
 * ```
 */
export function humanLabels(
  path: string,
  options: { criterion: string; key: string },
): PairwiseComparator {
  let labels: Promise<Map<string, Label>> | undefined;
  return {
    key: options.key,
    async compare({ task }) {
      labels ??= readLabels(path, options.criterion);
      const label = (await labels).get(task.taskId);
      if (!label || label.preferred === null || label.preferred === undefined) {
        return { winner: "tie", reasoning: "no human label", detail: { missing: true } };
      }
      return {
        winner: deblind(label.preferred, label.firstVariant),
        reasoning: "human label",
        detail: { preferred: label.preferred, first_variant: label.firstVariant },
      };
    },
  };
}
