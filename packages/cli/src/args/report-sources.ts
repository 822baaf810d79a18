import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import {
  type FsRunStore,
  fsRunStore,
  PairwiseRunResult,
  RunResult,
  VariantRunResult,
} from "@ag2/eval";
import { resolveRunId } from "./resolve-run-id.js";
import { UsageError } from "./usage-error.js";

/** A sweep's manifest, as the store reads it back. */
type VariantManifest = NonNullable<Awaited<ReturnType<FsRunStore["loadManifest"]>>>;

/** One thing a report can show, as named on the command line. */
export type ReportSource =
  | { readonly kind: "run"; readonly run: RunResult }
  | { readonly kind: "variants"; readonly sweep: VariantRunResult }
  | { readonly kind: "pairwise"; readonly result: PairwiseRunResult };

/**
 * What `<run-id | file>` names: a file (a run file, a variants manifest or a pairwise file)
 * when it is a path, else an id in the store (`latest` and `latest:<label>` included): a
 * variants sweep, a run, or a pairwise comparison.
 *
 * @example
 * ```ts
 * const source = await loadReportSource({ store, given: "latest", cwd, command: "report" });
 * ```
 */
export async function loadReportSource(options: {
  store: FsRunStore;
  given: string;
  cwd: string;
  command: string;
}): Promise<ReportSource> {
  const { store, given, cwd, command } = options;
  const path = resolve(cwd, given);
  const looksLikePath = given.includes("/") || given.includes(sep) || given.endsWith(".json");
  if (existsSync(path) && statSync(path).isFile()) return fromFile(path, command);
  if (looksLikePath) {
    throw new UsageError(`ag2-eval ${command}: no such file ${path}`, {
      hint: "name a run file (.json) or a run id from ag2-eval list",
    });
  }
  // a sweep's id is also the prefix of its variants' run ids, so it is looked up whole first
  const exactSweep = await store.loadManifest(given).catch(() => null);
  if (exactSweep) return { kind: "variants", sweep: await sweepOf(exactSweep, store) };
  const runId = await resolveRunId({ store, given, command });
  const manifest = await store.loadManifest(runId);
  if (manifest) return { kind: "variants", sweep: await sweepOf(manifest, store) };
  try {
    return { kind: "run", run: await store.load(runId) };
  } catch (error) {
    // pairwise comparisons are saved beside runs, under their own schema
    if ((error as { name?: string }).name !== "RunFileError") throw error;
    const result = await store.loadPairwise(runId).catch(() => null);
    if (result === null) throw error;
    return { kind: "pairwise", result };
  }
}

async function fromFile(path: string, command: string): Promise<ReportSource> {
  const text = await readFile(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `ag2-eval ${command}: ${path} is not JSON (${(error as Error).message}); expected a run file`,
      { hint: "a run file is what ag2-eval run saves in the store folder (<dir>/<run-id>.json)" },
    );
  }
  const record = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  if (record.schema === "ag2-eval.variants/1") {
    return {
      kind: "variants",
      sweep: await sweepOf(json as VariantManifest, fsRunStore(dirname(path))),
    };
  }
  if ("variant_a" in record && "cases" in record) {
    return { kind: "pairwise", result: PairwiseRunResult.fromJSON(json, { source: path }) };
  }
  return { kind: "run", run: RunResult.fromJSON(json, { source: path }) };
}

async function sweepOf(manifest: VariantManifest, store: FsRunStore): Promise<VariantRunResult> {
  const results = new Map<string, RunResult>();
  const failures = new Map<string, { type: string; message: string }>();
  for (const variant of manifest.variants) {
    if (variant.run_id === null) {
      failures.set(variant.name, variant.error ?? { type: "Error", message: "no run" });
    } else {
      results.set(variant.name, await store.load(variant.run_id));
    }
  }
  return new VariantRunResult({
    runId: manifest.run_id,
    axis: manifest.axis,
    label: manifest.label,
    results,
    failures,
    order: manifest.variants.map((v) => v.name),
    createdAt: manifest.created_at,
    durationMs: manifest.duration_ms,
  });
}
