export { Ag2EvalError } from "./ag2-eval-error.js";
export type { Agent, AgentFactory, AgentFactoryContext, AskOptions, ModelConfig } from "./agent.js";
export type { Aggregates, ScoreStats } from "./aggregates.js";
export { computeAggregates, EMPTY_SCORE_STATS, percentile, scoreStatsOf } from "./aggregates.js";
export type { BudgetThresholds, BudgetViolation } from "./budget-thresholds.js";
export { budgetViolations } from "./budget-thresholds.js";
export type { CompareRunsOptions } from "./compare-runs.js";
export { compareRuns } from "./compare-runs.js";
export { consoleReporter, createConsoleReporter } from "./console-reporter.js";
export type { EvaluatePairwiseOptions, PairwiseStore } from "./evaluate-pairwise.js";
export { evaluatePairwise } from "./evaluate-pairwise.js";
export type { EvaluateTracesOptions } from "./evaluate-traces.js";
export { evaluateTraces } from "./evaluate-traces.js";
export { eventTracing } from "./event-tracing.js";
export { expandRepeats, originalTaskId } from "./expand-repeats.js";
export type { Feedback, ScoreValue } from "./feedback.js";
export type { FlakinessReport, KeyFlakiness, TaskFlakiness } from "./flakiness.js";
export { flakiness } from "./flakiness.js";
export { flakinessSummary } from "./flakiness-summary.js";
export type { GradeSettings } from "./grade-traces.js";
export { InMemoryTraceSource, TraceNotFoundError } from "./in-memory-trace-source.js";
export { InvalidOptionError } from "./invalid-option-error.js";
export { isoUtcNow, toIsoUtc } from "./iso-utc.js";
export type { LeaderboardRow } from "./leaderboard.js";
export { leaderboard } from "./leaderboard.js";
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
} from "./lifecycle-events.js";
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
} from "./middleware.js";
export { runHook, toErrorInfo } from "./middleware.js";
export { outputsFromText, outputsFromTrace, outputsFromValue } from "./outputs-from-trace.js";
export { PairwiseJsonError } from "./pairwise-json.js";
export type { PairwiseRunJson, PairwiseRunResultInit } from "./pairwise-run-result.js";
export { PairwiseRunResult } from "./pairwise-run-result.js";
export type {
  Agreement,
  PairwiseCase,
  PairwiseComparator,
  PairwiseCompareContext,
  PairwiseOutcome,
  PairwiseWinner,
  WinRate,
} from "./pairwise-types.js";
export type { ProducedTrace, ProduceOptions } from "./produce-traces.js";
export { produceTraces } from "./produce-traces.js";
export { groupRepeats } from "./repeat-groups.js";
export type { ModelConfigOption } from "./resolve-model-config.js";
export type { SuiteInput } from "./resolve-suite.js";
export { ResumeError } from "./resume-error.js";
export type { RetryOptions, RetryPolicy } from "./retry-policy.js";
export { isTransientError } from "./retry-policy.js";
export type { RunAgentOptions } from "./run-agent.js";
export { runAgent } from "./run-agent.js";
export type { RunBudget } from "./run-budget.js";
export type { ComparisonVerdict, KeyComparison, RunComparisonInit } from "./run-comparison.js";
export { RunComparison } from "./run-comparison.js";
export type { Delta, Flip, RunDiffInit } from "./run-diff.js";
export { diffRuns, RunDiff } from "./run-diff.js";
export type { AggregatesJSON, FeedbackJSON, RunJSON, TaskResultJSON } from "./run-file.js";
export { runResultToJSON, runResultToJsonText, taskResultToJSON, toAsciiJson } from "./run-file.js";
export type { RunFileErrorDetails } from "./run-file-error.js";
export { RunFileError } from "./run-file-error.js";
export type { EventJSON } from "./run-file-events.js";
export { eventFromJSON, eventToJSON } from "./run-file-events.js";
export type { ReadOptions } from "./run-file-read.js";
export { parseRunFile, runResultFromJSON, taskResultFromJSON } from "./run-file-read.js";
export type { RunFile, TaskResultFile } from "./run-file-schema.js";
export { MAX_RUN_ID_LENGTH, runIdProblem } from "./run-id.js";
export type { RunPairwiseOptions } from "./run-pairwise.js";
export { runPairwise } from "./run-pairwise.js";
export type { RunResultInit, SuiteInfo } from "./run-result.js";
export { RunResult } from "./run-result.js";
export type {
  JournalContents,
  JournalHeader,
  RunInfo,
  RunJournal,
  RunStore,
} from "./run-store.js";
export { runInfo } from "./run-store.js";
export { runSummary } from "./run-summary.js";
export type { RunVariantsOptions, VariantManifestStore } from "./run-variants.js";
export { runVariants } from "./run-variants.js";
export { RunsNotComparableError } from "./runs-not-comparable-error.js";
export type {
  Outputs,
  Scorer,
  ScorerContext,
  ScorerFn,
  ScorerReturn,
} from "./scorer.js";
export { normalizeScorerReturn, ScorerReturnTypeError, scorer } from "./scorer.js";
export { slug } from "./slug.js";
export type { BootstrapEstimate, PairedCluster, ResamplingOptions } from "./stats/bootstrap.js";
export { pairedBootstrap, taskDifferences } from "./stats/bootstrap.js";
export { cohenKappa } from "./stats/cohen-kappa.js";
export { mcnemarExact, minimumDiscordantPairs } from "./stats/mcnemar.js";
export type { MinimumDetectableDifferenceOptions } from "./stats/minimum-detectable-difference.js";
export { minimumDetectableDifference } from "./stats/minimum-detectable-difference.js";
export { normalQuantile } from "./stats/normal.js";
export { flipRate, passAtK, passHatK } from "./stats/pass-at-k.js";
export type { SignFlipOptions } from "./stats/permutation.js";
export { signFlipTest } from "./stats/permutation.js";
export type { Random } from "./stats/seeded-random.js";
export { seededRandom } from "./stats/seeded-random.js";
export type { Interval } from "./stats/wilson.js";
export { wilsonInterval } from "./stats/wilson.js";
export type { BudgetName, StopReason } from "./stop-reason.js";
export type { Stream, StreamError, StreamListener } from "./stream.js";
export { createStream } from "./stream.js";
export type { SuiteOptions } from "./suite.js";
export { Suite } from "./suite.js";
export type { SuiteFileErrorLocation } from "./suite-file-error.js";
export { SuiteFileError } from "./suite-file-error.js";
export type { Task } from "./task.js";
export { createTask } from "./task.js";
export type { RecordPlace, TaskRecord } from "./task-record.js";
export type { TaskAttempt, TaskResult } from "./task-result.js";
export { TaskTimeoutError } from "./task-timeout-error.js";
export type { TokenUsage } from "./token-usage.js";
export { addTokenUsage, tokenUsage } from "./token-usage.js";
export type { TraceInit } from "./trace.js";
export { Trace } from "./trace.js";
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
} from "./trace-events.js";
export type { TraceRef, TraceSource } from "./trace-source.js";
export type { TaskTracing, TaskTracingContext, TracedTask, Tracing } from "./tracing.js";
export type { VariantManifest, VariantRunResultInit } from "./variant-run-result.js";
export { VariantRunResult } from "./variant-run-result.js";
export type { VariantAgents } from "./variants.js";
export { Variants } from "./variants.js";
