// @ag2/eval-core/internal: plumbing the ag2-eval packages share (run file writing, option checks,
// hook composition, formatting helpers). NOT covered by semver: names here may change or go in
// any release. Applications and libraries outside this repository import @ag2/eval-core (and its
// /stats, /schema and /testing entries) instead.

export type {
  ChatMessage,
  Hook,
  HookName,
  ToolDefinition,
  ToolExecutionRequest,
  ToolExecutionResult,
  TurnRequest,
  TurnResult,
} from "../agent/middleware.js";
export { runHook } from "../agent/middleware.js";
export type { ModelConfigOption } from "../agent/resolve-model-config.js";
export type { TaskTracing, TaskTracingContext, TracedTask } from "../agent/tracing.js";
export type { KeyFlakiness, TaskFlakiness } from "../compare/flakiness.js";
export type {
  ComparisonVerdict,
  KeyComparison,
  RunComparisonInit,
} from "../compare/run-comparison.js";
export type { Delta, Flip, RunDiffInit } from "../compare/run-diff.js";
export { diffRuns } from "../compare/run-diff.js";
export type { OptionNames } from "../errors/check-option-names.js";
export { checkOptionNames } from "../errors/check-option-names.js";
export { EVALUATE_TRACES_OPTION_NAMES } from "../evaluate/evaluate-traces-option-names.js";
export type { GradeSettings } from "../evaluate/grade-task.js";
export type { EvalEventBase, EvalEventInit, EvalEventType } from "../events/lifecycle-events.js";
export { PairwiseJsonError } from "../pairwise/pairwise-json.js";
export {
  EVALUATE_PAIRWISE_OPTION_NAMES,
  RUN_PAIRWISE_OPTION_NAMES,
} from "../pairwise/pairwise-option-names.js";
export type { PairwiseRunJson, PairwiseRunResultInit } from "../pairwise/pairwise-types.js";
export { computeAggregates, EMPTY_SCORE_STATS, scoreStatsOf } from "../result/aggregates.js";
export { groupRepeats } from "../result/repeat-groups.js";
export type { RunData } from "../result/run-data.js";
export { runSummary } from "../result/run-summary.js";
export type { ProducedTrace, ProduceOptions } from "../run/produce-traces.js";
export { produceTraces } from "../run/produce-traces.js";
export { parseRetryAfter } from "../run/retry-after.js";
export { isTransientError } from "../run/retry-policy.js";
export { RUN_AGENT_OPTION_NAMES } from "../run/run-agent-option-names.js";
export type { EventJSON } from "../run-file/event-json.js";
export { eventFromJSON, eventToJSON } from "../run-file/event-json.js";
export { taskResultFromJSON } from "../run-file/read-run-file.js";
export type { RunFileErrorDetails } from "../run-file/run-file-error.js";
export type { RunFile, TaskResultFile } from "../run-file/run-file-schema.js";
export { MAX_RUN_ID_LENGTH, runIdProblem } from "../run-file/run-id.js";
export type { AggregatesJSON, FeedbackJSON, TaskResultJSON } from "../run-file/write-run-file.js";
export {
  runResultToJSON,
  runResultToJsonText,
  taskResultToJSON,
  toAsciiJson,
} from "../run-file/write-run-file.js";
export { parseRunFile, runResultFromJSON } from "../run-result/parse-run-file.js";
export type {
  JournalContents,
  JournalHeader,
  RunJournal,
  RunLock,
} from "../run-result/run-store.js";
export { runInfo } from "../run-result/run-store.js";
export { budgetViolations } from "../scoring/budget-thresholds.js";
export {
  outputsFromText,
  outputsFromTrace,
  outputsFromValue,
} from "../scoring/outputs-from-trace.js";
export { normalizeScorerReturn } from "../scoring/scorer.js";
export { expandRepeats, originalTaskId } from "../suite/expand-repeats.js";
export type { SuiteFileErrorLocation } from "../suite/suite-file-error.js";
export type { RecordPlace } from "../suite/task-record.js";
export { toErrorInfo } from "../trace/to-error-info.js";
export { addTokenUsage, tokenUsage } from "../trace/token-usage.js";
export { withException } from "../trace/trace.js";
export { closestName } from "../util/closest-name.js";
export { isoUtcNow, toIsoUtc } from "../util/iso-utc.js";
export type { DepthProblem } from "../util/json-depth.js";
export { depthProblem, jsonDepth, MAX_FILE_DEPTH, MAX_JSON_DEPTH } from "../util/json-depth.js";
export {
  formatFixed,
  padRight,
  pythonListRepr,
  pythonStrRepr,
  pythonTypeName,
} from "../util/python-format.js";
export { slug } from "../util/slug.js";
export { leaderboard } from "../variants/leaderboard.js";
export { RUN_VARIANTS_OPTION_NAMES } from "../variants/run-variants-option-names.js";
export type { VariantRunResultInit } from "../variants/variant-run-result.js";
export type { GroupCommitJournalOptions } from "./group-commit-journal.js";
export { groupCommitJournal } from "./group-commit-journal.js";
