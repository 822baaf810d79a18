import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkChangesets } from "./check-changesets.js";
import { readWorkspacePackages } from "./check-graph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const names = new Set(readWorkspacePackages(root).map((pkg) => pkg.name));

describe("changesets", () => {
  it("every changeset in .changeset/ is one changesets can read", () => {
    assert.deepEqual(checkChangesets(join(root, ".changeset"), names), []);
  });

  it("reports a frontmatter a formatter turned into a heading, and an unknown package", (t) => {
    const folder = mkdtempSync(join(tmpdir(), "changesets-"));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(join(folder, "a.md"), '---\n\n## "@ag2/eval-core": minor\n\nText.\n');
    writeFileSync(join(folder, "b.md"), '---\n"@ag2/eval-nope": patch\n---\n\nText.\n');
    assert.deepEqual(checkChangesets(folder, names), [
      'a.md: expected a frontmatter of "<package>": <bump> lines between ---',
      "b.md: unknown package @ag2/eval-nope",
    ]);
  });
});
