export type { AgentJudgeOptions } from "./agent-judge.js";
export { agentJudge } from "./agent-judge.js";
export type { ContainsOptions } from "./contains.js";
export { contains } from "./contains.js";
export type { CostOptions } from "./cost.js";
export { cost, findPrice } from "./cost.js";
export type { ModelPrice, PriceTable } from "./default-prices.js";
export { DEFAULT_PRICES, PRICES_AS_OF } from "./default-prices.js";
export type { ExactMatchOptions } from "./exact-match.js";
export { exactMatch } from "./exact-match.js";
export type { ExportPairwiseCasesOptions } from "./export-pairwise-cases.js";
export { exportPairwiseCases } from "./export-pairwise-cases.js";
export type { FailureAttributionOptions } from "./failure-attribution.js";
export { ERROR_MODES, failureAttribution } from "./failure-attribution.js";
export type { AnswerMatcher } from "./final-answer-matches.js";
export { finalAnswerMatches } from "./final-answer-matches.js";
export { HumanLabelsError, humanLabels } from "./human-labels.js";
export type { HumanAsk, HumanTerminal } from "./human-pairwise.js";
export { HumanInputClosedError, humanPairwise } from "./human-pairwise.js";
export type { JsonSchemaObject, JsonSchemaOptions, SchemaIssue } from "./json-schema.js";
export { jsonSchema } from "./json-schema.js";
export { latency } from "./latency.js";
export { noToolErrors } from "./no-tool-errors.js";
export type { NumericCloseOptions } from "./numeric-close.js";
export { numericClose } from "./numeric-close.js";
export type { PairwiseJudgeOptions } from "./pairwise-judge.js";
export { pairwiseJudge } from "./pairwise-judge.js";
export { regexMatch } from "./regex-match.js";
export { ScorerOptionsError } from "./scorer-options-error.js";
export type { ThresholdOptions } from "./threshold.js";
export { threshold } from "./threshold.js";
export { tokenBudget } from "./token-budget.js";
export type { ArgsExpectation } from "./tool-args-match.js";
export { toolArgsMatch } from "./tool-args-match.js";
export { toolCalled } from "./tool-called.js";
export type {
  ArgsComparison,
  ExpectedToolCall,
  TrajectoryMatchOptions,
} from "./trajectory-match.js";
export { trajectoryMatch } from "./trajectory-match.js";
