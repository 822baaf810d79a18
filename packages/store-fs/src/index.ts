export type { FsRunStoreOptions } from "./fs-run-store.js";
export { FsRunStore, fsRunStore } from "./fs-run-store.js";
export {
  assertValidRunId,
  InvalidRunIdError,
  MAX_RUN_ID_LENGTH,
  runIdProblem,
} from "./invalid-run-id-error.js";
export { JOURNAL_FORMAT } from "./journal-file.js";
export { JournalFileError } from "./journal-file-error.js";
export { loadRun } from "./load-run.js";
export type { RunLockHolder } from "./run-locked-error.js";
export { RunLockedError } from "./run-locked-error.js";
export { RunNotFoundError } from "./run-not-found-error.js";
export { StoreFolderError } from "./store-folder-error.js";
export type { StoreWarning } from "./store-warning.js";
export type { TrendPoint } from "./trend-point.js";
export { writeFileAtomic } from "./write-file-atomic.js";
