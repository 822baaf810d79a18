import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One broken rule of `.dependency-cruiser.mjs`: its name, and the import (or cycle) breaking it. */
export interface ImportViolation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  /** For a cycle, the files around it, starting after `from`. */
  readonly cycle: readonly string[];
}

interface CruiseOutput {
  summary: {
    violations: {
      rule: { name: string };
      from: string;
      to: string;
      cycle?: { name: string }[];
    }[];
  };
}

/**
 * Runs dependency-cruiser with the repository's `.dependency-cruiser.mjs` over every
 * `packages/<name>/src` under `cwd` and returns the broken rules (empty when the layering holds).
 * `configDir` holds the config and the `node_modules` that has dependency-cruiser.
 *
 * @example
 * ```ts
 * assert.deepEqual(checkImports(root, root), []);
 * ```
 */
export function checkImports(cwd: string, configDir: string): ImportViolation[] {
  const sources = readdirSync(join(cwd, "packages"))
    .map((name) => join("packages", name, "src"))
    .filter((path) => existsSync(join(cwd, path)));
  const run = spawnSync(
    process.execPath,
    [
      join(configDir, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs"),
      "--config",
      join(configDir, ".dependency-cruiser.mjs"),
      "--output-type",
      "json",
      ...sources,
    ],
    { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) throw run.error;
  let output: CruiseOutput;
  try {
    output = JSON.parse(run.stdout) as CruiseOutput;
  } catch {
    throw new Error(`dependency-cruiser failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  return output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
    cycle: (violation.cycle ?? []).map((step) => step.name),
  }));
}
