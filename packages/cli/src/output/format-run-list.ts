import type { RunInfo } from "@ag2/eval";

/** The shortest run-id prefix shown when ids are cut to fit (git's default, unique or not). */
const MIN_ID = 8;

/**
 * A run listing as an aligned text table: id, created, label, tasks, errors, pass rates.
 * With a `width` (a terminal's), each line fits in it: times lose their seconds, run ids are
 * cut to the shortest prefix that tells the listed runs apart (any unique prefix names a run),
 * and what is still too long ends in "…". Without one (a pipe or file) nothing is cut.
 *
 * @example
 * ```ts
 * io.stdout.write(formatRunList(await store.list(), { width: textWidth(io) }));
 * ```
 */
export function formatRunList(
  runs: readonly RunInfo[],
  options: { width?: number | undefined } = {},
): string {
  if (runs.length === 0) return "no runs saved yet (ag2-eval run <suite.jsonl> saves one)\n";
  const { width } = options;
  const rows = (ids: (id: string) => string) =>
    runs.map((run) => [
      ids(run.runId),
      width === undefined ? run.createdAt : run.createdAt.slice(0, 16).replace("T", " "),
      run.label ?? "-",
      String(run.suite.size),
      String(run.errors),
      Object.entries(run.passRate)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, rate]) => `${key}=${(rate * 100).toFixed(1)}%`)
        .join(" "),
    ]);
  let table = layout(rows((id) => id));
  if (width !== undefined && table.some((line) => line.length > width)) {
    const length = prefixLength(runs.map((run) => run.runId));
    table = layout(rows((id) => id.slice(0, length))).map((line) =>
      line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line,
    );
  }
  return `${table.join("\n")}\n`;
}

function layout(rows: readonly string[][]): string[] {
  const header = ["RUN", "CREATED", "LABEL", "TASKS", "ERRORS", "PASS RATES"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The shortest prefix length (at least {@link MIN_ID}) that no two of `ids` share. */
function prefixLength(ids: readonly string[]): number {
  const longest = Math.max(...ids.map((id) => id.length));
  for (let length = MIN_ID; length < longest; length++) {
    if (new Set(ids.map((id) => id.slice(0, length))).size === new Set(ids).size) return length;
  }
  return longest;
}
