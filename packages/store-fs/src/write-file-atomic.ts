import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * The temporary name used while writing `path`: hidden (leading dot), in the same folder so
 * the rename stays on one file system, unique per process and call.
 */
export function tempPathFor(path: string): string {
  const suffix = `${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  return join(dirname(path), `.${basename(path)}.${suffix}`);
}

/**
 * Writes `text` to `path` so that readers see either the old file or the whole new one:
 * write a temporary file beside it, fsync it, rename it over `path`, fsync the folder.
 * `text` may come in pieces (written in order), so a large file need not exist as one string.
 *
 * @example
 * ```ts
 * await writeFileAtomic("runs/r1.json", JSON.stringify(run));
 * ```
 */
export async function writeFileAtomic(
  path: string,
  text: string | Iterable<string>,
): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, "wx");
    try {
      if (typeof text === "string") await handle.writeFile(text, "utf8");
      else for (const piece of text) await handle.write(piece, null, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes a rename durable; some platforms cannot open a folder, which is fine to skip. */
export async function syncFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Windows and some network file systems refuse fsync on a directory.
  } finally {
    await handle?.close().catch(() => {});
  }
}
