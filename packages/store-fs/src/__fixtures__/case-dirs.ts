// A temporary root for one test file, removed after its tests, and a fresh folder per case.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";

/** Registers the root's creation and removal with the test file; call at its top level. */
export function caseDirs(prefix: string): () => Promise<string> {
  let root = "";
  let counter = 0;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
  });
  after(() => rm(root, { recursive: true, force: true }));
  return async () => {
    const dir = join(root, `case-${++counter}`);
    await mkdir(dir, { recursive: true });
    return dir;
  };
}
