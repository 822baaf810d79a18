import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// Issue 8: zod is ~95 ES modules (~50 ms on Node 20); importing the main entry must not load
// it. A resolve hook in a fresh node records every module URL the import resolves.

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const HOOK = `import { appendFileSync } from "node:fs";
let out;
export function initialize(data) { out = data.out; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(out, result.url + "\\n");
  return result;
}`;

/** The URLs of every module resolved while a fresh node imports `specifier` from this package. */
async function resolvedBy(specifier: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "ag2-import-"));
  const out = join(dir, "resolved.txt");
  const hook = `data:text/javascript,${encodeURIComponent(HOOK)}`;
  const script = `import { register } from "node:module";
register(${JSON.stringify(hook)}, { data: { out: ${JSON.stringify(out)} } });
await import(${JSON.stringify(specifier)});`;
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      cwd: packageDir,
    });
    return (await readFile(out, "utf8")).split("\n").filter(Boolean);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("importing @ag2/eval-core", () => {
  it("loads no zod from the main entry", async () => {
    const urls = await resolvedBy("@ag2/eval-core");
    assert.ok(
      urls.some((url) => url.includes("/core/dist/")),
      "the entry itself was recorded",
    );
    assert.deepEqual(
      urls.filter((url) => url.includes("/zod/")),
      [],
    );
  });

  it("loads zod from the schema subpath (so the check above can see zod)", async () => {
    const urls = await resolvedBy("@ag2/eval-core/schema");
    assert.ok(urls.some((url) => url.includes("/zod/")));
  });
});
