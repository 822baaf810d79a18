import assert from "node:assert/strict";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type FileChanges, FileWatcher } from "./file-watcher.js";

function collector() {
  const batches: FileChanges[] = [];
  let wake: (() => void) | null = null;
  return {
    batches,
    onChanges: (changes: FileChanges) => {
      batches.push(changes);
      wake?.();
    },
    next: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${batches.length} batch(es)`)), 10_000);
        wake = () => {
          if (batches.length < count) return;
          clearTimeout(timer);
          resolve();
        };
        wake();
      }),
  };
}

test("FileWatcher batches a burst of saves, reports a deletion once and the file's return as a change", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ag2-eval-watcher-"));
  const file = join(dir, "scorers.ts");
  const other = join(dir, "notes.txt");
  await writeFile(file, "1");
  const seen = collector();
  const watcher = new FileWatcher({ debounceMs: 100, onChanges: seen.onChanges });
  try {
    watcher.watch([file]);
    await writeFile(file, "2");
    await writeFile(other, "not watched");
    await writeFile(file, "3");
    await seen.next(1);
    assert.deepEqual(seen.batches[0], { changed: [file], deleted: [] });

    await rm(file);
    await seen.next(2);
    assert.deepEqual(seen.batches[1], { changed: [], deleted: [file] });
    assert.deepEqual([...watcher.missing], [file]);

    // saved the way many editors do: written aside, then renamed over the name
    await writeFile(join(dir, "scorers.ts.tmp"), "4");
    await rename(join(dir, "scorers.ts.tmp"), file);
    await seen.next(3);
    assert.deepEqual(seen.batches[2], { changed: [file], deleted: [] });
    assert.equal(watcher.missing.size, 0);
    assert.equal(seen.batches.length, 3);
  } finally {
    watcher.close();
    await rm(dir, { recursive: true, force: true });
  }
});
