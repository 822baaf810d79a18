import type { RunInfo } from "@ag2/eval";

/**
 * A run listing as an aligned text table: id, created, label, tasks, errors, pass rates.
 *
 * @example
 * ```ts
 * io.stdout.write(formatRunList(await store.list()));
 * ```
 */
export function formatRunList(runs: readonly RunInfo[]): string {
  if (runs.length === 0) return "no runs saved yet (ag2-eval run <suite.jsonl> saves one)\n";
  const rows = runs.map((run) => [
    run.runId,
    run.createdAt,
    run.label ?? "-",
    String(run.suite.size),
    String(run.errors),
    Object.entries(run.passRate)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, rate]) => `${key}=${(rate * 100).toFixed(1)}%`)
      .join(" "),
  ]);
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
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}
