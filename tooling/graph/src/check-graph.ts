import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ALLOWED_WORKSPACE_DEPENDENCIES,
  EXTERNAL_OWNERS,
  FORBIDDEN_EXTERNAL_PREFIXES,
} from "./allowed-dependencies.js";

/** One workspace package as read from its package.json. */
export interface WorkspacePackage {
  readonly name: string;
  readonly folder: string;
  readonly dependencies: readonly string[];
}

const SHIPPED_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;

/** Reads every `packages/*` package.json below `root`. */
export function readWorkspacePackages(root: string): WorkspacePackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = join(packagesDir, entry.name);
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Record<
        string,
        unknown
      >;
      const dependencies = SHIPPED_FIELDS.flatMap((field) =>
        Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}),
      );
      return { name: String(manifest.name), folder, dependencies };
    });
}

/**
 * Returns one line per violation of the allowed graph: an unknown package, a workspace
 * dependency the graph does not allow, a forbidden external dependency (or one owned by
 * another package), or a cycle.
 */
export function checkGraph(packages: readonly WorkspacePackage[]): string[] {
  const problems: string[] = [];
  const names = new Set(packages.map((pkg) => pkg.name));
  for (const pkg of packages) {
    const allowed = ALLOWED_WORKSPACE_DEPENDENCIES[pkg.name];
    if (!allowed) {
      problems.push(`${pkg.name} (${pkg.folder}) is not in the architecture's package graph`);
      continue;
    }
    for (const dependency of pkg.dependencies) {
      if (names.has(dependency) && !allowed.includes(dependency)) {
        problems.push(`${pkg.name} must not depend on ${dependency}`);
      }
      const owners = EXTERNAL_OWNERS[dependency];
      if (owners && !owners.includes(pkg.name)) {
        problems.push(`${pkg.name} must not depend on ${dependency} (only ${owners.join(", ")})`);
      }
      for (const prefix of FORBIDDEN_EXTERNAL_PREFIXES[pkg.name] ?? []) {
        if (dependency.startsWith(prefix)) {
          problems.push(`${pkg.name} must not depend on ${dependency} (no ${prefix}* here)`);
        }
      }
    }
  }
  const cycle = findCycle(packages, names);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(" -> ")}`);
  return problems;
}

function findCycle(packages: readonly WorkspacePackage[], names: Set<string>): string[] | null {
  const edges = new Map(
    packages.map((pkg) => [pkg.name, pkg.dependencies.filter((name) => names.has(name))]),
  );
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === "done") return null;
    if (state.get(name) === "visiting") return [...path.slice(path.indexOf(name)), name];
    state.set(name, "visiting");
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(name, "done");
    return null;
  };
  for (const name of edges.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return null;
}
