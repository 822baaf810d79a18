import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { localImports } from "./local-imports.js";

test("localImports follows local TypeScript, CommonJS and JSON imports, not packages, past a broken file", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ag2-eval-imports-"));
  try {
    const files: Record<string, string> = {
      "scorers.ts":
        'import { a } from "./lib/a.js";\nimport data from "./data.json";\nimport { z } from "zod";\nexport default [a, data, z];\n',
      "lib/a.ts": 'export { b as a } from "./b";\n',
      "lib/b.ts": "export const b = (;\n",
      "data.json": "{}\n",
      "agent.cts": 'const c = require("./c.cjs");\nmodule.exports = c;\n',
      "c.cjs": "module.exports = 1;\n",
      "unused.ts": "export {};\n",
      "node_modules/zod/index.js": "export const z = 1;\n",
      "node_modules/zod/package.json": '{"name":"zod","type":"module","main":"index.js"}\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, ".."), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const found = await localImports({
      entries: [join(dir, "scorers.ts"), join(dir, "agent.cts")],
      cwd: dir,
    });
    assert.deepEqual(
      found,
      ["agent.cts", "c.cjs", "data.json", "lib/a.ts", "lib/b.ts", "scorers.ts"].map((name) =>
        join(dir, name),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("localImports keeps an entry that does not exist (it is watched until it appears)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ag2-eval-imports-"));
  try {
    const missing = join(dir, "agent.ts");
    assert.deepEqual(await localImports({ entries: [missing], cwd: dir }), [missing]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
