import { htmlPage } from "./html-page.js";
import { type RenderReportOptions, type ReportInput, reportData } from "./report-data-of.js";

/**
 * One self-contained HTML file showing a run, two runs compared, a variants sweep or a
 * pairwise run. It loads nothing from the network (a Content-Security-Policy forbids it), opens
 * from `file://`, and embeds its data as JSON that no string in a run can break out of. Every
 * statistic it shows (Wilson intervals, flakiness, `compareRuns` verdicts) is computed here by
 * core; the page only renders, and renders run text as text.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { renderReport } from "@ag2/eval-report";
 *
 * await writeFile("report.html", renderReport({ kind: "run", run: result }));
 * await writeFile("diff.html", renderReport({ kind: "compare", baseline, current }, { compare: { seed: 1 } }));
 * ```
 */
export function renderReport(input: ReportInput, options: RenderReportOptions = {}): string {
  const data = reportData(input, options);
  return htmlPage({ title: data.title, data });
}
