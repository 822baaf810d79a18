import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { tempPathFor, writeFileAtomic } from "./write-file-atomic.js";

describe("writeFileAtomic", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ag2-atomic-"));
  after(() => rm(dir, { recursive: true, force: true }));

  it("replaces the file and leaves no temporary file behind", async () => {
    const path = join(dir, "r.json");
    await writeFile(path, "old");
    await writeFileAtomic(path, "new content");
    assert.equal(await readFile(path, "utf8"), "new content");
    assert.deepEqual(await readdir(dir), ["r.json"]);
  });

  it("uses a hidden, unique temporary name in the same folder", () => {
    const a = tempPathFor(join(dir, "r.json"));
    const b = tempPathFor(join(dir, "r.json"));
    assert.notEqual(a, b);
    assert.ok(a.startsWith(join(dir, ".r.json.")));
    assert.ok(a.endsWith(".tmp"));
  });

  it("fails without leaving a temporary file when the folder is missing", async () => {
    await assert.rejects(writeFileAtomic(join(dir, "missing", "r.json"), "x"), { code: "ENOENT" });
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith(".tmp")),
      [],
    );
  });

  it("concurrent writers of the same file leave one complete version", async () => {
    const path = join(dir, "same.json");
    const texts = Array.from({ length: 20 }, (_, i) => `${i}:`.padEnd(50_000, String(i % 10)));
    await Promise.all(texts.map((text) => writeFileAtomic(path, text)));
    assert.ok(texts.includes(await readFile(path, "utf8")));
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith(".tmp")),
      [],
    );
  });
});
