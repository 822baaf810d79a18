export type { RunStoreContractOptions } from "./describe-run-store-contract.js";
export { describeRunStoreContract } from "./describe-run-store-contract.js";
export { describeTraceSourceContract } from "./describe-trace-source-contract.js";
export { InMemoryRunStore } from "./in-memory-run-store.js";
export type { KilledWriterHarness, WriterExit } from "./it-resumes-after-killed-writer.js";
export type { MakeRunResultInit, MakeTaskResultInit } from "./make-results.js";
export { makeRunResult, makeTaskResult } from "./make-results.js";
export type { ResumeWriterRequest } from "./resume-scenario.js";
export {
  raceForRunId,
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
  runResumeWriter,
} from "./resume-scenario.js";
export type { TraceFixture } from "./trace-fixtures.js";
export { traceFixtures } from "./trace-fixtures.js";
