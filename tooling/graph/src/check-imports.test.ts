import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkImports } from "./check-imports.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("imports between source files", () => {
  it("every package follows .dependency-cruiser.mjs: layers kept, no cycle", () => {
    assert.deepEqual(checkImports(root, root), []);
  });

  describe("on a workspace that breaks the rules", () => {
    let dir = "";
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "check-imports-"));
      write(
        "tsconfig.depcruise.json",
        JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }),
      );
      const core = "packages/core/src";
      // util is core's lowest folder: importing run (higher) breaks the layers
      write(
        `${core}/util/low.ts`,
        'import { high } from "../run/high.js";\nexport const low = high;\n',
      );
      write(`${core}/run/high.ts`, "export const high = 2;\n");
      // two value imports in a loop: a runtime cycle, even inside one folder
      write(`${core}/suite/a.ts`, 'import { b } from "./b.js";\nexport const a = () => b;\n');
      write(`${core}/suite/b.ts`, 'import { a } from "./a.js";\nexport const b = () => a;\n');
      // a loop through a type-only import inside one folder is allowed
      write(
        `${core}/trace/x.ts`,
        'import type { Y } from "./y.js";\nexport const x = (y: Y) => y;\n',
      );
      write(`${core}/trace/y.ts`, 'import { x } from "./x.js";\nexport type Y = typeof x;\n');
      // a folder with no place in the layers
      write(
        `${core}/misc/m.ts`,
        'import { high } from "../run/high.js";\nexport const m = high;\n',
      );
      write(
        `${core}/index.ts`,
        'export { low } from "./util/low.js";\nexport { m } from "./misc/m.js";\n',
      );
      // a package without layers still may not loop across folders, type-only or not
      write(
        "packages/other/src/p/p.ts",
        'import type { Q } from "../q/q.js";\nexport type P = Q;\n',
      );
      write(
        "packages/other/src/q/q.ts",
        'import type { P } from "../p/p.js";\nexport type Q = P | 1;\n',
      );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("reports each broken rule (a cycle once) with the import that breaks it", () => {
      const found = checkImports(dir, root).map(({ rule, from, to }) => `${rule}: ${from} → ${to}`);
      assert.deepEqual(found.sort(), [
        "layer:packages/core/unlisted: packages/core/src/misc/m.ts → packages/core/src/run/high.ts",
        "layer:packages/core/util: packages/core/src/util/low.ts → packages/core/src/run/high.ts",
        "no-cycle-across-folders: packages/other/src/p/p.ts → packages/other/src/q/q.ts",
        "no-runtime-cycle: packages/core/src/suite/a.ts → packages/core/src/suite/b.ts",
      ]);
    });
  });
});
