// @ag2/eval-core: what a person writes in an evaluation, a scorer, an agent adapter, a store or
// a trace source. Statistics are on `@ag2/eval-core/stats`, zod schemas on `/schema`, fakes and
// contract suites on `/testing`; plumbing the other ag2-eval packages share is on `/internal`.
export type {
  Agent,
  AgentFactory,
  AgentFactoryContext,
  AskOptions,
  ModelConfig,
} from "./agent/agent.js";
export { eventTracing } from "./agent/event-tracing.js";
export type { Middleware, ModelCallRequest } from "./agent/middleware.js";
export type { Tracing } from "./agent/tracing.js";
export type { CompareRunsOptions } from "./compare/compare-runs.js";
export { compareRuns } from "./compare/compare-runs.js";
export type { FlakinessReport } from "./compare/flakiness.js";
export { flakiness } from "./compare/flakiness.js";
export { flakinessSummary } from "./compare/flakiness-summary.js";
export { RunComparison } from "./compare/run-comparison.js";
export { RunDiff } from "./compare/run-diff.js";
export { RunsNotComparableError } from "./compare/runs-not-comparable-error.js";
export { Ag2EvalError } from "./errors/ag2-eval-error.js";
export { InvalidOptionError } from "./errors/invalid-option-error.js";
export { TaskTimeoutError } from "./errors/task-timeout-error.js";
export { TooDeepError } from "./errors/too-deep-error.js";
export type { EvaluateTracesOptions } from "./evaluate/evaluate-traces.js";
export { evaluateTraces } from "./evaluate/evaluate-traces.js";
export { consoleReporter, createConsoleReporter } from "./events/console-reporter.js";
export type {
  EvalCompleted,
  EvalEvent,
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
  PairwiseWinner,
  WinRate,
} from "./pairwise/pairwise-types.js";
export type { RunPairwiseOptions } from "./pairwise/run-pairwise.js";
export { runPairwise } from "./pairwise/run-pairwise.js";
export type { Aggregates, ScoreStats } from "./result/aggregates.js";
export type { RunResultInit, SuiteInfo } from "./result/run-data.js";
export type { SummaryOptions } from "./result/run-summary.js";
export type { BudgetName, StopReason } from "./result/stop-reason.js";
export type { TaskAttempt, TaskResult } from "./result/task-result.js";
export { taskOutputs } from "./result/task-result.js";
export { ResumeError } from "./run/resume-error.js";
export type { RetryOptions, RetryPolicy } from "./run/retry-policy.js";
export { runAgent } from "./run/run-agent.js";
export type { OptionLabels, RunAgentOptions } from "./run/run-agent-options.js";
export type { RunBudget } from "./run/run-budget.js";
export { RunExistsError } from "./run/run-exists-error.js";
export { RunNeverSettledError } from "./run/run-never-settled-error.js";
export type { ReadOptions } from "./run-file/read-run-file.js";
export { RunFileError } from "./run-file/run-file-error.js";
export type { RunJSON } from "./run-file/write-run-file.js";
export { RunResult } from "./run-result/run-result.js";
export type { RunInfo, RunStore } from "./run-result/run-store.js";
export type { BudgetThresholds, BudgetViolation } from "./scoring/budget-thresholds.js";
export type { Feedback, ScoreValue } from "./scoring/feedback.js";
export type {
  Outputs,
  ScoreDirection,
  Scorer,
  ScorerContext,
  ScorerFn,
  ScorerReturn,
} from "./scoring/scorer.js";
export { ScorerReturnTypeError, scorer } from "./scoring/scorer.js";
export type { MergeRunsOptions } from "./shard/merge-runs.js";
export { mergeRuns } from "./shard/merge-runs.js";
export type { ShardFields } from "./shard/shard-fields.js";
export { ShardMergeError } from "./shard/shard-merge-error.js";
export type { ShardSpec } from "./shard/shard-spec.js";
export { parseShardSpec } from "./shard/shard-spec.js";
export { shardOfTaskId, suiteFingerprint } from "./shard/shard-tasks.js";
export type { SuiteInput } from "./suite/resolve-suite.js";
export type { SuiteFileOptions, SuiteOptions } from "./suite/suite.js";
export { Suite } from "./suite/suite.js";
export { SuiteFileError } from "./suite/suite-file-error.js";
export type { ColumnMap, SuiteMapping } from "./suite/suite-mapping.js";
export type { Task } from "./suite/task.js";
export { createTask } from "./suite/task.js";
export type { TaskRecord } from "./suite/task-record.js";
export { InMemoryTraceSource, TraceNotFoundError } from "./trace/in-memory-trace-source.js";
export type { TokenUsage } from "./trace/token-usage.js";
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
export { formatNumber } from "./util/format-number.js";
export type { LeaderboardRow } from "./variants/leaderboard.js";
export type { RunVariantsOptions, VariantManifestStore } from "./variants/run-variants.js";
export { runVariants } from "./variants/run-variants.js";
export type { VariantManifest } from "./variants/variant-run-result.js";
export { VariantRunResult } from "./variants/variant-run-result.js";
export type { VariantAgents } from "./variants/variants.js";
export { Variants } from "./variants/variants.js";
