import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const created: string[] = [];

/** A fresh folder under the OS temp folder, removed when the test process exits. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  if (created.length === 0) {
    process.once("exit", () => {
      for (const path of created) rmSync(path, { recursive: true, force: true });
    });
  }
  created.push(dir);
  return dir;
}
