import assert from "node:assert/strict";
import { dirname } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { isZod, resolutionsOf } from "./resolve-log.test-helper.js";

// Issue 8: zod is ~95 ES modules (~50 ms on Node 20). An evaluation that uses no tool schema,
// structured output or judge must not pay for it, so no package's main entry may load it.
const here = dirname(fileURLToPath(import.meta.url));

describe("importing @ag2/eval", () => {
  it("loads no zod module, from any package", async () => {
    const [resolutions = []] = await resolutionsOf(`await import("@ag2/eval");`, here);
    const own = new URL("./index.bundle.js", import.meta.url).href;
    assert.ok(
      resolutions.some((resolution) => resolution.url === own),
      "the import went through @ag2/eval's bundle",
    );
    assert.ok(
      resolutions.some((resolution) => resolution.url.includes("/scorers/dist/")),
      "the scorers were loaded too",
    );
    // zod's own imports of its modules would only repeat the one line that matters
    const importers = resolutions
      .filter((resolution) => isZod(resolution) && !resolution.parent?.includes("/zod/"))
      .map((resolution) => `${resolution.parent} imports ${resolution.specifier}`);
    assert.deepEqual(importers, []);
  });

  it("loads zod from @ag2/eval/schemas, whose schemas parse", async () => {
    const [resolutions = []] = await resolutionsOf(
      `
const { Verdict, runFileSchema } = await import("@ag2/eval/schemas");
Verdict.parse({ score: 1, reasoning: "r" });
if (typeof runFileSchema.safeParse !== "function") throw new Error("runFileSchema is not a schema");
`,
      here,
    );
    assert.ok(resolutions.some(isZod), "the schemas entry loaded zod");
  });
});
