import { cohenKappa } from "../stats/cohen-kappa.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import { formatFixed, padRight } from "../util/python-format.js";
import { parsePairwiseJson } from "./pairwise-json.js";
import type {
  Agreement,
  PairwiseCase,
  PairwiseRunJson,
  PairwiseRunResultInit,
  PairwiseWinner,
  WinRate,
} from "./pairwise-types.js";

/**
 * The outcome of comparing two variants pair by pair: every case, the tally and
 * win rate of B over A per comparator key, position flips and agreement between keys.
 *
 * @example
 * ```ts
 * const result = await runPairwise(suite, { variantA, variantB, comparators, tracing });
 * result.winRate("helpful").rate; // 0.625
 * console.log(result.summary());
 * ```
 */
export class PairwiseRunResult {
  readonly schemaVersion = "0.1";
  readonly runId: string;
  readonly label: string | null;
  /** ISO-8601 UTC time the comparison started. */
  readonly createdAt: string;
  readonly durationMs: number;
  readonly variantA: string;
  readonly variantB: string;
  /** Number of task pairs compared (each gives one case per comparator). */
  readonly nPairs: number;
  /** The comparator keys, in comparator order. */
  readonly keys: readonly string[];
  readonly cases: readonly PairwiseCase[];
  /**
   * Observer failures while the variants ran (e.g. a span processor that threw), one line per
   * distinct failure with the number of tasks that hit it; `runPairwise` fills it. Empty when
   * there were none.
   */
  readonly warnings: readonly string[];
  /**
   * Why the store could not save the comparison, or null (saved, or no store). Not part of
   * its JSON: a saved comparison has none.
   *
   * @example
   * ```ts
   * if (result.saveError) console.error(`not saved: ${result.saveError.message}`);
   * ```
   */
  readonly saveError: ErrorInfo | null;

  constructor(init: PairwiseRunResultInit) {
    this.runId = init.runId;
    this.label = init.label ?? null;
    this.createdAt = init.createdAt;
    this.durationMs = init.durationMs;
    this.variantA = init.variantA;
    this.variantB = init.variantB;
    this.nPairs = init.nPairs;
    this.keys = Object.freeze([...init.keys]);
    this.cases = Object.freeze([...init.cases]);
    this.warnings = Object.freeze([...(init.warnings ?? [])]);
    this.saveError = init.saveError ?? null;
  }

  /** `[aWins, bWins, ties]` for one key; any winner other than "a" or "b" is a tie. */
  tally(key: string): readonly [aWins: number, bWins: number, ties: number] {
    let a = 0;
    let b = 0;
    let ties = 0;
    for (const c of this.cases) {
      if (c.key !== key) continue;
      if (c.winner === "a") a++;
      else if (c.winner === "b") b++;
      else ties++;
    }
    return [a, b, ties];
  }

  /** B's win rate on one key, `(wins + ties/2) / n`, with its Wilson 95% interval. */
  winRate(key: string): WinRate {
    const [a, b, ties] = this.tally(key);
    const n = a + b + ties;
    const rate = n === 0 ? 0 : (b + 0.5 * ties) / n;
    return {
      variant: this.variantB,
      rate,
      wins: b,
      losses: a,
      ties,
      n,
      ci: wilsonInterval(rate, n),
    };
  }

  /**
   * Cases of one key whose `detail` records both orders (`order1`, `order2`) and where the
   * verdict changed when the responses swapped places: a sign of position bias.
   */
  flips(key: string): number {
    let count = 0;
    for (const c of this.cases) {
      if (c.key !== key || !("order1" in c.detail) || !("order2" in c.detail)) continue;
      const first = fromOrder(c.detail.order1, "a", "b");
      const second = fromOrder(c.detail.order2, "b", "a");
      if (first !== second) count++;
    }
    return count;
  }

  /** Agreement of two keys over the tasks both decided (the last case per task counts). */
  agreement(keyX: string, keyY: string): Agreement {
    const x = this.#winnersByTask(keyX);
    const y = this.#winnersByTask(keyY);
    const shared = [...x.keys()].filter((task) => y.has(task)).sort();
    const pairs = shared.map((task) => [x.get(task)!, y.get(task)!] as const);
    const agree = pairs.filter(([wx, wy]) => wx === wy).length;
    return {
      rate: shared.length === 0 ? 0 : agree / shared.length,
      cohenKappa: cohenKappa(pairs),
      n: shared.length,
      disagreements: shared
        .map((task, i) => [task, pairs[i]![0], pairs[i]![1]] as const)
        .filter(([, wx, wy]) => wx !== wy),
    };
  }

  /** The reference's text report: one line per key with B's tally and win rate. */
  summary(): string {
    const lines = [
      `Pairwise ${this.runId}  —  '${this.variantB}' (B) vs '${this.variantA}' (A) · ${this.nPairs} cases`,
      `  ${padRight("key", 18)} ${"B".padStart(3)} ${"A".padStart(3)} ${"tie".padStart(4)}   win-rate(${this.variantB})   95% CI`,
    ];
    for (const key of this.keys) {
      const w = this.winRate(key);
      const pct = (value: number, width: number, precision: number) =>
        formatFixed(value * 100, { precision, width });
      lines.push(
        `  ${padRight(key, 18)} ${String(w.wins).padStart(3)} ${String(w.losses).padStart(3)} ${String(w.ties).padStart(4)}      ${pct(w.rate, 5, 1)}%   [${pct(w.ci[0], 0, 0)}%, ${pct(w.ci[1], 0, 0)}%]`,
      );
      const flips = this.flips(key);
      if (flips > 0) lines.push(`  ${padRight("", 18)} position-flips → tie: ${flips}`);
    }
    return lines.join("\n");
  }

  /**
   * The JSON document of a pairwise comparison (snake_case, schema "0.1"), which {@link fromJSON} reads
   * back. Per-key win rates and flips are derived data, written for readers of the file.
   */
  toJSON(): PairwiseRunJson {
    const winRates: PairwiseRunJson["win_rates"] = {};
    const flips: Record<string, number> = {};
    for (const key of this.keys) {
      const w = this.winRate(key);
      winRates[key] = { ...w, ci: [w.ci[0], w.ci[1]] };
      flips[key] = this.flips(key);
    }
    const json: PairwiseRunJson = {
      schema_version: "0.1",
      run_id: this.runId,
      label: this.label,
      created_at: this.createdAt,
      duration_ms: this.durationMs,
      variant_a: this.variantA,
      variant_b: this.variantB,
      n_pairs: this.nPairs,
      keys: [...this.keys],
      win_rates: winRates,
      flips,
      cases: this.cases.map((c) => ({
        task_id: c.taskId,
        key: c.key,
        winner: c.winner,
        reasoning: c.reasoning,
        detail: { ...c.detail },
      })),
    };
    if (this.warnings.length > 0) json.warnings = [...this.warnings];
    return json;
  }

  /**
   * Reads a pairwise JSON document back (the reference has no loader). Rejects a malformed
   * document with a {@link PairwiseJsonError} naming `source` and the field.
   *
   * @example
   * ```ts
   * const again = PairwiseRunResult.fromJSON(JSON.parse(await readFile(path, "utf8")), { source: path });
   * ```
   */
  static fromJSON(json: unknown, options: { source?: string } = {}): PairwiseRunResult {
    return new PairwiseRunResult(parsePairwiseJson(json, options.source));
  }

  #winnersByTask(key: string): Map<string, PairwiseWinner> {
    const winners = new Map<string, PairwiseWinner>();
    for (const c of this.cases) if (c.key === key) winners.set(c.taskId, c.winner);
    return winners;
  }
}

// A position-swapping judge answers "first" / "second"; which variant that is depends on the order.
function fromOrder(answer: unknown, first: PairwiseWinner, second: PairwiseWinner): PairwiseWinner {
  if (answer === "first") return first;
  if (answer === "second") return second;
  return "tie";
}
