import type { TrendPoint } from "@ag2/eval";

const WIDTH = 20;

/**
 * Pass rates over time as a text chart: per scorer key, one bar per run, oldest first, with
 * the change from the previous run.
 *
 * @example
 * ```ts
 * io.stdout.write(formatTrend({ label: "nightly", points: await store.trend("nightly") }));
 * ```
 */
export function formatTrend(options: {
  label: string;
  points: readonly TrendPoint[];
  key?: string;
}): string {
  const { label, points } = options;
  if (points.length === 0) return `no runs with label "${label}"\n`;
  const keys = options.key
    ? [options.key]
    : [...new Set(points.flatMap((point) => Object.keys(point.passRate)))].sort();
  if (keys.length === 0)
    return `runs with label "${label}" have no pass rates (no boolean scores)\n`;
  const idWidth = Math.max(...points.map((point) => point.runId.length));
  const lines = [`Trend of "${label}" (${points.length} run(s), oldest first)`];
  for (const key of keys) {
    lines.push("", `${key}:`);
    let previous: number | undefined;
    for (const point of points) {
      const rate = point.passRate[key];
      const when = point.createdAt.slice(0, 19).replace("T", " ");
      if (rate === undefined) {
        lines.push(`  ${when}  ${point.runId.padEnd(idWidth)}  ${" ".repeat(WIDTH)}      -`);
        continue;
      }
      const filled = Math.round(rate * WIDTH);
      const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
      const change =
        previous === undefined
          ? ""
          : `  ${rate >= previous ? "+" : "-"}${(Math.abs(rate - previous) * 100).toFixed(1)}`;
      lines.push(
        `  ${when}  ${point.runId.padEnd(idWidth)}  ${bar} ${(rate * 100).toFixed(1).padStart(5)}%${change}`,
      );
      previous = rate;
    }
  }
  return `${lines.join("\n")}\n`;
}
