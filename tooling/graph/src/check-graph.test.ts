import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ALLOWED_WORKSPACE_DEPENDENCIES } from "./allowed-dependencies.js";
import { checkGraph, readWorkspacePackages, type WorkspacePackage } from "./check-graph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const pkg = (name: string, dependencies: string[]): WorkspacePackage => ({
  name,
  folder: `packages/${name}`,
  dependencies,
});

describe("package graph", () => {
  it("the workspace follows ARCHITECTURE.md §1", () => {
    const packages = readWorkspacePackages(root);
    // every package of the graph exists, and no other
    assert.deepEqual(
      packages.map((found) => found.name).sort(),
      Object.keys(ALLOWED_WORKSPACE_DEPENDENCIES).sort(),
    );
    assert.deepEqual(checkGraph(packages), []);
  });

  it("reports a dependency that points up the graph", () => {
    const problems = checkGraph([
      pkg("@ag2/eval-core", ["@ag2/eval-scorers"]),
      pkg("@ag2/eval-scorers", ["@ag2/eval-core"]),
    ]);
    assert.ok(problems.includes("@ag2/eval-core must not depend on @ag2/eval-scorers"));
    assert.ok(problems.some((line) => line.startsWith("dependency cycle: ")));
  });

  it("reports OpenTelemetry in core", () => {
    assert.deepEqual(checkGraph([pkg("@ag2/eval-core", ["zod", "@opentelemetry/api"])]), [
      "@ag2/eval-core must not depend on @opentelemetry/api (no @opentelemetry/* here)",
    ]);
  });

  it("allows the PostgreSQL store its driver and the CLI the store, and keeps pg out of the rest", () => {
    assert.deepEqual(
      checkGraph([
        pkg("@ag2/eval-core", []),
        pkg("@ag2/eval", ["@ag2/eval-core"]),
        pkg("@ag2/eval-store-postgres", ["@ag2/eval-core", "pg"]),
        pkg("@ag2/eval-cli", ["@ag2/eval", "@ag2/eval-store-postgres"]),
      ]),
      [],
    );
    assert.deepEqual(
      checkGraph([
        pkg("@ag2/eval-core", ["pg"]),
        pkg("@ag2/eval-store-postgres", ["@ag2/eval-core", "@ag2/eval-store-fs"]),
        pkg("@ag2/eval-store-fs", ["@ag2/eval-core"]),
      ]),
      [
        "@ag2/eval-core must not depend on pg (only @ag2/eval-store-postgres)",
        "@ag2/eval-store-postgres must not depend on @ag2/eval-store-fs",
      ],
    );
  });

  it("reports an agent framework outside its bridge package", () => {
    assert.deepEqual(
      checkGraph([
        pkg("@ag2/eval-core", []),
        pkg("@ag2/eval-telemetry", ["@ag2/eval-core", "@langchain/core"]),
        pkg("@ag2/eval-langchain", ["@ag2/eval-core", "@ag2/eval-telemetry", "@langchain/core"]),
      ]),
      ["@ag2/eval-telemetry must not depend on @langchain/core (no @langchain/* here)"],
    );
  });

  it("reports a package that is not in the graph", () => {
    assert.deepEqual(checkGraph([pkg("@ag2/eval-extra", [])]), [
      "@ag2/eval-extra (packages/@ag2/eval-extra) is not in the architecture's package graph",
    ]);
  });
});
