// @ag2/eval-core/stats: the statistics behind run comparisons, flakiness and pairwise win rates,
// for people who compute their own. Every function is pure; the random ones take a seed.
export type { BootstrapEstimate, PairedCluster, ResamplingOptions } from "./bootstrap.js";
export { pairedBootstrap, taskDifferences } from "./bootstrap.js";
export { cohenKappa } from "./cohen-kappa.js";
export { mcnemarExact, minimumDiscordantPairs } from "./mcnemar.js";
export type { MinimumDetectableDifferenceOptions } from "./minimum-detectable-difference.js";
export { minimumDetectableDifference } from "./minimum-detectable-difference.js";
export { normalQuantile } from "./normal.js";
export { flipRate, passAtK, passHatK } from "./pass-at-k.js";
export { percentile } from "./percentile.js";
export type { SignFlipOptions } from "./permutation.js";
export { signFlipTest } from "./permutation.js";
export type { Random } from "./seeded-random.js";
export { seededRandom } from "./seeded-random.js";
export type { Interval } from "./wilson.js";
export { wilsonInterval } from "./wilson.js";
