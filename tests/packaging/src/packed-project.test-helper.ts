import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root: this file runs from `tests/packaging/dist/`. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** What a published package's manifest says that the checks below read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly main?: string;
  readonly types?: string;
  readonly bin?: Record<string, string>;
  readonly exports?: Record<string, string | { types?: string; import?: string; default?: string }>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/** A publishable package of the workspace and the tarball `pnpm pack` made of it. */
export interface PackedPackage {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly tarball: string;
  /** Paths inside the tarball, without the leading `package/`. */
  readonly files: readonly string[];
}

/** Every package under `packages/` that is not private. */
export function publishablePackages(): { dir: string; manifest: Manifest }[] {
  const root = join(repoRoot, "packages");
  return readdirSync(root)
    .map((name) => join(root, name))
    .map((dir) => ({ dir, manifest: readJson(join(dir, "package.json")) as Manifest }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** Packs every publishable package into `into`, as `pnpm publish` would (workspace ranges resolved). */
export function packAll(into: string): PackedPackage[] {
  mkdirSync(into, { recursive: true });
  return publishablePackages().map(({ dir, manifest }) => {
    const before = new Set(readdirSync(into));
    execFileSync("pnpm", ["pack", "--pack-destination", into], { cwd: dir, stdio: "pipe" });
    const made = readdirSync(into).filter((name) => !before.has(name) && name.endsWith(".tgz"));
    if (made.length !== 1) throw new Error(`pnpm pack in ${dir} made ${made.length} tarballs`);
    const tarball = join(into, made[0] as string);
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.replace(/^package\//, ""));
    return { dir, manifest, tarball, files };
  });
}

/** The subpaths a package exports, as a consumer writes them (`@ag2/eval-core/testing`). */
export function entrySpecifiers(manifest: Manifest): string[] {
  return Object.keys(manifest.exports ?? { ".": "" })
    .filter((subpath) => subpath !== "./package.json")
    .map((subpath) => (subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}

/**
 * The peer dependencies of the packed packages that are not packed themselves, at the versions
 * they name: a user of a framework bridge installs the framework beside it (an optional peer is
 * not installed by npm), and importing the bridge loads it.
 */
export function peerSpecifiers(packed: readonly PackedPackage[]): string[] {
  const own = new Set(packed.map(({ manifest }) => manifest.name));
  const peers = new Map<string, string>();
  for (const { manifest } of packed) {
    for (const [name, version] of Object.entries(manifest.peerDependencies ?? {})) {
      if (!own.has(name)) peers.set(name, version);
    }
  }
  return [...peers].map(([name, version]) => `${name}@${version}`);
}

/** A new npm project in a temporary folder with the tarballs installed the way a user would. */
export function installIntoFreshProject(packed: readonly PackedPackage[], extra: string[]): string {
  const project = mkdtempSync(join(tmpdir(), "ag2-eval-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...packed.map((p) => p.tarball),
      ...extra,
    ],
    { cwd: project, stdio: "pipe", timeout: 240_000 },
  );
  return project;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The version of a root devDependency, so the consumer installs what the workspace builds with. */
export function rootDevVersion(name: string): string {
  const root = readJson(join(repoRoot, "package.json")) as {
    devDependencies: Record<string, string>;
  };
  const version = root.devDependencies[name];
  if (version === undefined) throw new Error(`the root package.json has no devDependency ${name}`);
  return version;
}
