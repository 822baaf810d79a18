import { lstatSync, unlinkSync } from "node:fs";
import type { FileIdentity } from "./file-identity.js";

// Lock files this copy of the package holds, by path: what the exit handler removes.
const held = new Map<string, FileIdentity>();

/**
 * Removes the lock file at `path` (when it is still `file`) should the process exit while it
 * is held: agent code calling `process.exit()` mid-run must not leave a lock that only the
 * stale-lock check clears. An `exit` handler runs synchronously, so the removal is too; the
 * handler is installed only while some lock is held. Returns what stops the watch, called
 * once the lock is released normally.
 *
 * @example
 * ```ts
 * const forget = releaseAtExit(path, { dev, ino });
 * // ... later, on release:
 * forget();
 * ```
 */
export function releaseAtExit(path: string, file: FileIdentity): () => void {
  if (held.size === 0) process.on("exit", releaseAll);
  held.set(path, file);
  return () => {
    if (held.get(path) !== file) return;
    held.delete(path);
    if (held.size === 0) process.off("exit", releaseAll);
  };
}

function releaseAll(): void {
  for (const [path, file] of held) {
    try {
      // a lock taken over by someone else (this process was judged gone) is theirs now
      const now = lstatSync(path);
      if (now.dev === file.dev && now.ino === file.ino) unlinkSync(path);
    } catch {
      // already gone
    }
  }
  held.clear();
}
