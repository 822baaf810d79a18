export { describeRunStoreContract } from "./describe-run-store-contract.js";
export { InMemoryRunStore } from "./in-memory-run-store.js";
export type { MakeRunResultInit, MakeTaskResultInit } from "./make-results.js";
export { makeRunResult, makeTaskResult } from "./make-results.js";
