import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type Resolution, resolutionsOf } from "./resolutions.test-helper.js";

// pg and the PostgreSQL store are a dozen modules the CLI must not load for a folder store:
// `ag2-eval` imports them only when --store (or AG2_EVAL_STORE) is a postgres:// URL.
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "..", "..", "packages", "cli", "bin", "ag2-eval.js");

const postgresModules = (resolutions: readonly Resolution[]) =>
  resolutions
    .map((resolution) => resolution.url)
    .filter(
      (url) => url.includes("/node_modules/pg/") || url.includes("/packages/store-postgres/"),
    );

/** Runs `ag2-eval <args>` in a fresh node with the resolve log; the exit code is kept aside. */
function cliScript(args: readonly string[]): string {
  return `
process.argv = [process.execPath, ${JSON.stringify(BIN)}, ...${JSON.stringify(args)}];
await import(${JSON.stringify(BIN)});
globalThis.phase();
console.log("exit " + process.exitCode);
process.exitCode = 0;
`;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address !== "object") throw new Error("no port");
  return address.port;
}

describe("the CLI and the PostgreSQL store", () => {
  it("a folder store loads neither pg nor the PostgreSQL store", async (t) => {
    const folder = await mkdtemp(join(tmpdir(), "ag2-cli-store-"));
    t.after(() => rm(folder, { recursive: true, force: true }));
    const [resolutions = []] = await resolutionsOf(cliScript(["list", "--store", folder]), here);
    assert.ok(
      resolutions.some((resolution) => resolution.url.includes("/packages/cli/dist/")),
      "the CLI ran",
    );
    assert.deepEqual(postgresModules(resolutions), []);
  });

  it("a postgres:// store loads them, on demand", async () => {
    const url = `postgres://ag2@127.0.0.1:${await closedPort()}/evals`;
    const [resolutions = []] = await resolutionsOf(cliScript(["list", "--store", url]), here);
    const loaded = postgresModules(resolutions);
    assert.ok(
      loaded.some((module) => module.includes("/packages/store-postgres/dist/")),
      loaded.join("\n"),
    );
    assert.ok(
      loaded.some((module) => module.includes("/node_modules/pg/")),
      loaded.join("\n"),
    );
  });
});
