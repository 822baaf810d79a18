import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type { WorkspacePackage } from "./check-graph.js";

// esbuild's ESM output starts each import or re-export statement on its own line, so anchoring
// at a line start keeps prose such as a template's `... from "pkg" here` out; `import("x")`
// may sit anywhere in an expression
const SPECIFIER =
  /^(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm;
const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function bundleFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(chunk-[^/]*|[^/]*\.bundle)\.js$/.test(file))
    .map((file) => join(dist, file));
}

/**
 * Checks each built package's bundles (tooling/bundle.mjs): every `exports` target exists, and a
 * bundle imports only its own chunks, Node built-ins and the package's declared dependencies —
 * so a dependency inlined by mistake or used without being declared is caught before publishing.
 * Returns one line per problem.
 */
export function checkBundles(root: string, packages: readonly WorkspacePackage[]): string[] {
  const problems: string[] = [];
  for (const pkg of packages) {
    const folder = resolve(root, pkg.folder);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
      exports?: Record<string, unknown>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const file = (target as { import?: string } | null)?.import;
      if (typeof file !== "string") continue;
      if (!file.endsWith(".bundle.js")) {
        problems.push(`${pkg.name} exports["${subpath}"]: expected a .bundle.js, got ${file}`);
      } else if (!existsSync(join(folder, file))) {
        problems.push(`${pkg.name} exports["${subpath}"]: ${file} does not exist (not built?)`);
      }
    }
    const allowed = new Set([pkg.name, ...pkg.dependencies]);
    for (const file of bundleFiles(join(folder, "dist"))) {
      const text = readFileSync(file, "utf8");
      const where = relative(root, file);
      if (text.includes("node_modules/")) problems.push(`${where}: inlines code from node_modules`);
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (specifier.startsWith(".")) {
          if (!existsSync(join(dirname(file), specifier)))
            problems.push(`${where}: imports ${specifier}, which does not exist`);
        } else if (!specifier.startsWith("node:") && !BUILTINS.has(specifier)) {
          if (!allowed.has(packageOf(specifier)))
            problems.push(`${where}: imports ${specifier}, not a dependency of ${pkg.name}`);
        }
      }
    }
  }
  return [...new Set(problems)];
}
