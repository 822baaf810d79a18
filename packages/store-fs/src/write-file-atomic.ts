import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { CREATE_NEW } from "./open-flags.js";
import { tempPathDone, tempPathFor } from "./temp-name.js";

export { tempPathFor };

/**
 * Writes `text` to `path` so that readers see either the old file or the whole new one:
 * write a temporary file beside it, fsync it, rename it over `path`, fsync the folder.
 * `text` may come in pieces (written in order), so a large file need not exist as one string.
 * Nothing is written through a symbolic link: the temporary file is created new (never
 * opened through a link), and the rename replaces a link at `path` instead of following it.
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
    const handle = await open(temp, CREATE_NEW, 0o666);
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
  } finally {
    tempPathDone(temp);
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
