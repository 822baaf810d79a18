import type { SummaryOptions } from "../result/run-summary.js";
import type { RunResult } from "../run-result/run-result.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import { formatNumber } from "../util/format-number.js";
import { formatFixed, padRight } from "../util/python-format.js";
import { type LeaderboardRow, leaderboard } from "./leaderboard.js";

/**
 * The record of a sweep that names its variant runs, so a sweep can be found and reloaded
 * from the store later (the reference persists only the variant runs, never the sweep).
 */
export interface VariantManifest {
  readonly schema: "ag2-eval.variants/1";
  readonly run_id: string;
  readonly axis: string;
  readonly label: string | null;
  readonly created_at: string;
  readonly duration_ms: number;
  /** In sweep order; `run_id` is null for a variant whose run failed (see `error`). */
  readonly variants: readonly { name: string; run_id: string | null; error?: ErrorInfo }[];
}

/** What a {@link VariantRunResult} is built from: its fields, and the sweep order. */
export interface VariantRunResultInit
  extends Pick<VariantRunResult, "runId" | "axis" | "results" | "createdAt" | "durationMs">,
    Partial<Pick<VariantRunResult, "label" | "failures" | "saveError">> {
  /** The variant names in sweep order, including failed ones. */
  readonly order?: readonly string[];
}

/**
 * A sweep over variants: each variant's run, plus a leaderboard per key.
 *
 * @example
 * ```ts
 * const sweep = await runVariants(suite, { variants, scorers, tracing, store: null });
 * console.log(sweep.summary("correct"));
 * sweep.best("correct"); // "gpt-4o", or null on a tie for first
 * ```
 */
export class VariantRunResult {
  readonly runId: string;
  readonly axis: string;
  readonly label: string | null;
  /** Variant name → its run, in sweep order. */
  readonly results: ReadonlyMap<string, RunResult>;
  /** Variants whose run failed as a whole (e.g. the store refused it), by name. */
  readonly failures: ReadonlyMap<string, ErrorInfo>;
  /**
   * Why the store could not save the sweep's manifest, or null (saved, or nothing saves
   * manifests). Each variant run's own save is on its result (`results.get(name).saveError`).
   *
   * @example
   * ```ts
   * const unsaved = [...sweep.results.values()].filter((run) => run.saveError);
   * if (sweep.saveError || unsaved.length > 0) process.exitCode = 4;
   * ```
   */
  readonly saveError: ErrorInfo | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly #order: readonly string[];

  constructor(init: VariantRunResultInit) {
    this.runId = init.runId;
    this.axis = init.axis;
    this.label = init.label ?? null;
    this.results = new Map(init.results);
    this.failures = new Map(init.failures ?? []);
    this.saveError = init.saveError ?? null;
    this.createdAt = init.createdAt;
    this.durationMs = init.durationMs;
    this.#order = init.order ?? [...this.results.keys(), ...this.failures.keys()];
  }

  /** Variants ranked on one key, best first (competition ranking, stable among ties). */
  leaderboard(key: string): LeaderboardRow[] {
    return leaderboard(this.results, key);
  }

  /** The single best variant on a key, or null when several share first place (or none ran). */
  best(key: string): string | null {
    const top = this.leaderboard(key).filter((row) => row.rank === 1);
    return top.length === 1 ? top[0]!.variant : null;
  }

  /**
   * The reference's ranking; for pass-rate keys each line continues with the Wilson 95%
   * interval of the rate, after the reference's text, so the reference's lines stay a prefix.
   * The interval treats repeats as independent, so with repeats it is optimistic. With
   * `readable`, a mean is written with significant digits (`0.0000532`) instead of the
   * reference's three decimals.
   *
   * @example
   * ```ts
   * console.log(sweep.summary("cost", { readable: true }));
   * ```
   */
  summary(key: string, options: SummaryOptions = {}): string {
    const rows = this.leaderboard(key);
    const isRate = [...this.results.values()].some((run) => key in run.aggregates.passRate);
    const width = Math.max(0, ...rows.map((row) => row.variant.length));
    const lower =
      !isRate && [...this.results.values()].some((run) => run.scoreDirections[key] === "lower");
    // the reference's header, plus the direction when lowest comes first
    const lines = [
      `Variants (axis: ${this.axis}) — ranked by ${key}${lower ? " (lower is better)" : ""}:`,
    ];
    for (const row of rows) {
      const value = isRate
        ? `${formatFixed(row.score * 100, { precision: 1, width: 5 })}%`
        : options.readable
          ? formatNumber(row.score)
          : formatFixed(row.score, { precision: 3 });
      let line = `  ${row.rank}. ${padRight(row.variant, width)}  ${value}  (n=${row.n})`;
      if (isRate && row.n > 0) {
        const [lo, hi] = wilsonInterval(row.score, row.n);
        line += `  95% CI [${formatFixed(lo * 100, { precision: 1 })}%, ${formatFixed(hi * 100, { precision: 1 })}%]`;
      }
      lines.push(line);
    }
    for (const [name, error] of this.failures)
      lines.push(`  – ${name}: failed (${error.type}: ${error.message})`);
    return lines.join("\n");
  }

  /** The sweep's manifest: what a store writes to remember which runs make up the sweep. */
  get manifest(): VariantManifest {
    return {
      schema: "ag2-eval.variants/1",
      run_id: this.runId,
      axis: this.axis,
      label: this.label,
      created_at: this.createdAt,
      duration_ms: this.durationMs,
      variants: this.#order.map((name) => {
        const failure = this.failures.get(name);
        return failure
          ? { name, run_id: null, error: failure }
          : { name, run_id: this.results.get(name)?.runId ?? null };
      }),
    };
  }
}
