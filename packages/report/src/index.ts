export type { AppAssets } from "./app-assets.js";
export { appAssets } from "./app-assets.js";
export { embedJson, escapeHtml } from "./embed-json.js";
export type { HtmlPageOptions } from "./html-page.js";
export { DATA_ELEMENT_ID, htmlPage } from "./html-page.js";
export { renderReport } from "./render-report.js";
export type {
  ComparisonView,
  FlipView,
  KeyComparisonView,
  KeyStats,
  LeaderboardEntry,
  NumericStats,
  PairwiseView,
  PassRateStats,
  ReportData,
  ReportKind,
  RunListEntry,
  RunView,
  TagSlice,
  TaskGroup,
  TokenTotals,
  VariantsView,
} from "./report-data.js";
export type { RenderReportOptions, ReportInput } from "./report-data-of.js";
export { reportData } from "./report-data-of.js";
export type { ReportServerOptions, RunningReportServer } from "./report-server.js";
export { createReportServer, serveReport } from "./report-server.js";
export { ReportServerError } from "./report-server-error.js";
export type { RunViewOptions } from "./run-view.js";
export { runView } from "./run-view.js";
export type { LoadedRunView, ViewerStore } from "./viewer-store.js";
export { journalRun, listEntries, loadRunView } from "./viewer-store.js";
