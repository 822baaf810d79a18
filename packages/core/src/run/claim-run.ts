import { RunFileError } from "../run-file/run-file-error.js";
import type { RunLock, RunStore } from "../run-result/run-store.js";
import { RunExistsError } from "./run-exists-error.js";

/**
 * Takes run `runId` in `store` for this run (when the store has locks) and refuses an id the
 * store already holds unless the run resumes or overwrites it. The lock is taken first, so
 * two runs starting with one id cannot both find it free. Resolves to the lock to release
 * once the run is saved.
 */
export async function claimRun(options: {
  readonly store: RunStore | null | undefined;
  readonly runId: string;
  readonly resume: boolean;
  readonly overwrite: boolean;
}): Promise<RunLock | null> {
  const { store, runId } = options;
  if (!store) return null;
  const lock = store.lock ? await store.lock(runId) : null;
  try {
    if (!options.resume && !options.overwrite && (await runExists(store, runId))) {
      throw new RunExistsError(runId);
    }
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return lock;
}

async function runExists(store: RunStore, runId: string): Promise<boolean> {
  if (store.exists) return store.exists(runId);
  // a store without `exists`: a journal that cannot be read (a corrupt one) is still there,
  // but a store that cannot be reached says so rather than calling every id taken
  const journal = await store.readJournal?.(runId).catch((error: unknown) => {
    if (RunFileError.isInstance(error)) return true;
    throw error;
  });
  if (journal) return true;
  return store.load(runId).then(
    () => true,
    () => false,
  );
}
