import { lstat } from "node:fs/promises";

/** Which file a name held: a file replaced since (renamed over, re-created) is another one. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/** True when anything, a dangling link included, has the name `path`. */
export async function present(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** True when `path` is still the file `file`, or nothing is there. */
export async function isFileOrGone(path: string, file: FileIdentity): Promise<boolean> {
  try {
    const now = await lstat(path);
    return now.dev === file.dev && now.ino === file.ino;
  } catch {
    return true;
  }
}
