import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkBundles } from "./check-bundles.js";
import { readWorkspacePackages } from "./check-graph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("bundles", () => {
  it("every package's entries are built bundles importing only chunks, built-ins and dependencies", () => {
    assert.deepEqual(checkBundles(root, readWorkspacePackages(root)), []);
  });

  it("reports an undeclared import, a missing chunk, inlined code and a missing entry", (t) => {
    const folder = mkdtempSync(join(tmpdir(), "bundles-"));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, "dist"));
    writeFileSync(
      join(folder, "package.json"),
      JSON.stringify({
        exports: {
          ".": { import: "./dist/index.bundle.js" },
          "./extra": { import: "./dist/extra.bundle.js" },
        },
      }),
    );
    writeFileSync(
      join(folder, "dist", "index.bundle.js"),
      [
        'import { z } from "zod";',
        'import { trace } from "@opentelemetry/api";',
        'import { readFile } from "node:fs/promises";',
        'const lazy = () => import("./chunk-GONE.js");',
        "// ../../node_modules/.pnpm/x/index.js",
        // prose in a string that names a package is not an import
        'const hint = `// export an agent from "@ag2/other" here`;',
        'export {\n  a,\n  b\n} from "left-pad";',
      ].join("\n"),
    );
    const problems = checkBundles(folder, [{ name: "pkg", folder: ".", dependencies: ["zod"] }]);
    assert.deepEqual(problems, [
      'pkg exports["./extra"]: ./dist/extra.bundle.js does not exist (not built?)',
      "dist/index.bundle.js: inlines code from node_modules",
      "dist/index.bundle.js: imports @opentelemetry/api, not a dependency of pkg",
      "dist/index.bundle.js: imports ./chunk-GONE.js, which does not exist",
      "dist/index.bundle.js: imports left-pad, not a dependency of pkg",
    ]);
  });
});
