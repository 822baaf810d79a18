export type {
  Agent,
  AgentFactory,
  AgentFactoryContext,
  AskOptions,
  ModelConfig,
} from "./agent/agent.js";
export { eventTracing } from "./agent/event-tracing.js";
export type {
  ChatMessage,
  Hook,
  HookName,
  Middleware,
  ModelCallRequest,
  ToolDefinition,
  ToolExecutionRequest,
  ToolExecutionResult,
  TurnRequest,
  TurnResult,
} from "./agent/middleware.js";
export { runHook } from "./agent/middleware.js";
export type { ModelConfigOption } from "./agent/resolve-model-config.js";
export type { TaskTracing, TaskTracingContext, TracedTask, Tracing } from "./agent/tracing.js";
export type { CompareRunsOptions } from "./compare/compare-runs.js";
export { compareRuns } from "./compare/compare-runs.js";
export type { FlakinessReport, KeyFlakiness, TaskFlakiness } from "./compare/flakiness.js";
export { flakiness } from "./compare/flakiness.js";
export { flakinessSummary } from "./compare/flakiness-summary.js";
export type {
  ComparisonVerdict,
  KeyComparison,
  RunComparisonInit,
} from "./compare/run-comparison.js";
export { RunComparison } from "./compare/run-comparison.js";
export type { Delta, Flip, RunDiffInit } from "./compare/run-diff.js";
export { diffRuns, RunDiff } from "./compare/run-diff.js";
export { RunsNotComparableError } from "./compare/runs-not-comparable-error.js";
export { Ag2EvalError } from "./errors/ag2-eval-error.js";
export { InvalidOptionError } from "./errors/invalid-option-error.js";
export { TaskTimeoutError } from "./errors/task-timeout-error.js";
export type { EvaluateTracesOptions } from "./evaluate/evaluate-traces.js";
export { evaluateTraces } from "./evaluate/evaluate-traces.js";
export type { GradeSettings } from "./evaluate/grade-traces.js";
export { consoleReporter, createConsoleReporter } from "./events/console-reporter.js";
export type {
  EvalCompleted,
  EvalEvent,
  EvalEventBase,
  EvalEventInit,
  EvalEventType,
  EvalStarted,
  PairwiseCompared,
  PairwiseCompleted,
  PairwiseStarted,
  TaskEvaluated,
  VariantCompleted,
  VariantStarted,
} from "./events/lifecycle-events.js";
export type { Stream, StreamError, StreamListener } from "./events/stream.js";
export { createStream } from "./events/stream.js";
export type { EvaluatePairwiseOptions, PairwiseStore } from "./pairwise/evaluate-pairwise.js";
export { evaluatePairwise } from "./pairwise/evaluate-pairwise.js";
export { PairwiseJsonError } from "./pairwise/pairwise-json.js";
export { PairwiseRunResult } from "./pairwise/pairwise-run-result.js";
export type {
  Agreement,
  PairwiseCase,
  PairwiseComparator,
  PairwiseCompareContext,
  PairwiseOutcome,
  PairwiseRunJson,
  PairwiseRunResultInit,
  PairwiseWinner,
  WinRate,
} from "./pairwise/pairwise-types.js";
export type { RunPairwiseOptions } from "./pairwise/run-pairwise.js";
export { runPairwise } from "./pairwise/run-pairwise.js";
export type { Aggregates, ScoreStats } from "./result/aggregates.js";
export {
  computeAggregates,
  EMPTY_SCORE_STATS,
  scoreStatsOf,
} from "./result/aggregates.js";
export { groupRepeats } from "./result/repeat-groups.js";
export type { RunData, RunResultInit, SuiteInfo } from "./result/run-data.js";
export { runSummary } from "./result/run-summary.js";
export type { BudgetName, StopReason } from "./result/stop-reason.js";
export type { TaskAttempt, TaskResult } from "./result/task-result.js";
export type { ProducedTrace, ProduceOptions } from "./run/produce-traces.js";
export { produceTraces } from "./run/produce-traces.js";
export { ResumeError } from "./run/resume-error.js";
export type { RetryOptions, RetryPolicy } from "./run/retry-policy.js";
export { isTransientError } from "./run/retry-policy.js";
export { runAgent } from "./run/run-agent.js";
export type { RunAgentOptions } from "./run/run-agent-options.js";
export type { RunBudget } from "./run/run-budget.js";
export type { EventJSON } from "./run-file/event-json.js";
export { eventFromJSON, eventToJSON } from "./run-file/event-json.js";
export type { ReadOptions } from "./run-file/read-run-file.js";
export { taskResultFromJSON } from "./run-file/read-run-file.js";
export type { RunFileErrorDetails } from "./run-file/run-file-error.js";
export { RunFileError } from "./run-file/run-file-error.js";
export type { RunFile, TaskResultFile } from "./run-file/run-file-schema.js";
export { MAX_RUN_ID_LENGTH, runIdProblem } from "./run-file/run-id.js";
export type {
  AggregatesJSON,
  FeedbackJSON,
  RunJSON,
  TaskResultJSON,
} from "./run-file/write-run-file.js";
export {
  runResultToJSON,
  runResultToJsonText,
  taskResultToJSON,
  toAsciiJson,
} from "./run-file/write-run-file.js";
export { parseRunFile, runResultFromJSON } from "./run-result/parse-run-file.js";
export { RunResult } from "./run-result/run-result.js";
export type {
  JournalContents,
  JournalHeader,
  RunInfo,
  RunJournal,
  RunStore,
} from "./run-result/run-store.js";
export { runInfo } from "./run-result/run-store.js";
export type { BudgetThresholds, BudgetViolation } from "./scoring/budget-thresholds.js";
export { budgetViolations } from "./scoring/budget-thresholds.js";
export type { Feedback, ScoreValue } from "./scoring/feedback.js";
export {
  outputsFromText,
  outputsFromTrace,
  outputsFromValue,
} from "./scoring/outputs-from-trace.js";
export type {
  Outputs,
  Scorer,
  ScorerContext,
  ScorerFn,
  ScorerReturn,
} from "./scoring/scorer.js";
export { normalizeScorerReturn, ScorerReturnTypeError, scorer } from "./scoring/scorer.js";
export type { BootstrapEstimate, PairedCluster, ResamplingOptions } from "./stats/bootstrap.js";
export { pairedBootstrap, taskDifferences } from "./stats/bootstrap.js";
export { cohenKappa } from "./stats/cohen-kappa.js";
export { mcnemarExact, minimumDiscordantPairs } from "./stats/mcnemar.js";
export type { MinimumDetectableDifferenceOptions } from "./stats/minimum-detectable-difference.js";
export { minimumDetectableDifference } from "./stats/minimum-detectable-difference.js";
export { normalQuantile } from "./stats/normal.js";
export { flipRate, passAtK, passHatK } from "./stats/pass-at-k.js";
export { percentile } from "./stats/percentile.js";
export type { SignFlipOptions } from "./stats/permutation.js";
export { signFlipTest } from "./stats/permutation.js";
export type { Random } from "./stats/seeded-random.js";
export { seededRandom } from "./stats/seeded-random.js";
export type { Interval } from "./stats/wilson.js";
export { wilsonInterval } from "./stats/wilson.js";
export { expandRepeats, originalTaskId } from "./suite/expand-repeats.js";
export type { SuiteInput } from "./suite/resolve-suite.js";
export type { SuiteOptions } from "./suite/suite.js";
export { Suite } from "./suite/suite.js";
export type { SuiteFileErrorLocation } from "./suite/suite-file-error.js";
export { SuiteFileError } from "./suite/suite-file-error.js";
export type { Task } from "./suite/task.js";
export { createTask } from "./suite/task.js";
export type { RecordPlace, TaskRecord } from "./suite/task-record.js";
export { InMemoryTraceSource, TraceNotFoundError } from "./trace/in-memory-trace-source.js";
export { toErrorInfo } from "./trace/to-error-info.js";
export type { TokenUsage } from "./trace/token-usage.js";
export { addTokenUsage, tokenUsage } from "./trace/token-usage.js";
export type { TraceInit } from "./trace/trace.js";
export { Trace } from "./trace/trace.js";
export type {
  ErrorInfo,
  HumanInputRequest,
  HumanMessage,
  ModelResponse,
  ToolCall,
  ToolCallEvent,
  ToolErrorEvent,
  ToolResultEvent,
  TraceEvent,
  TraceEventOf,
  TraceEventType,
  Usage,
} from "./trace/trace-events.js";
export type { TraceRef, TraceSource } from "./trace/trace-source.js";
export { isoUtcNow, toIsoUtc } from "./util/iso-utc.js";
export { slug } from "./util/slug.js";
export type { LeaderboardRow } from "./variants/leaderboard.js";
export { leaderboard } from "./variants/leaderboard.js";
export type { RunVariantsOptions, VariantManifestStore } from "./variants/run-variants.js";
export { runVariants } from "./variants/run-variants.js";
export type { VariantManifest, VariantRunResultInit } from "./variants/variant-run-result.js";
export { VariantRunResult } from "./variants/variant-run-result.js";
export type { VariantAgents } from "./variants/variants.js";
export { Variants } from "./variants/variants.js";
