import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A fingerprint of everything under `dir`: each file's relative path and content hash, sorted.
 * Two equal snapshots mean nothing stored was changed, added or lost.
 *
 * @example
 * ```ts
 * const before = await snapshotFolder(storeDir);
 * assert.deepEqual(await snapshotFolder(storeDir), before);
 * ```
 */
export async function snapshotFolder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const hash = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
    lines.push(`${path.slice(dir.length + 1)} ${hash}`);
  }
  return lines.sort();
}
