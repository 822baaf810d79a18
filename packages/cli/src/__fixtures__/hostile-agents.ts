/**
 * Agents and a scorer misbehaving as named by the export (saved as `hostile.mjs` by the trust
 * tests of `run`, `variants` and `pairwise`): on "world", `exits` calls `process.exit(0)`,
 * `hangs` never settles (and holds no timer), `stray` throws in a timer; on "hello", `stray`
 * leaves a floating rejection. `blocksSave` makes a folder where `BLOCK_RUN_FILE` says, once
 * its run is under way, so the final save fails. The others answer in capitals.
 */
export const HOSTILE_MJS = `
import { mkdirSync } from "node:fs";
const upper = async (input) => input.toUpperCase();
export const good = { name: "good", ask: upper };
export const exits = { name: "exits", ask: async (input) => (input === "world" ? process.exit(0) : upper(input)) };
export const hangs = { name: "hangs", ask: (input) => (input === "world" ? new Promise(() => {}) : upper(input)) };
export const stray = {
  name: "stray",
  ask: async (input) => {
    if (input === "hello") void Promise.reject(new Error("floating rejection"));
    if (input === "world") {
      setTimeout(() => { throw new RangeError("thrown in a timer"); }, 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return upper(input);
  },
};
export const blocksSave = {
  name: "blocks-save",
  ask: async (input) => {
    if (process.env.BLOCK_RUN_FILE) mkdirSync(process.env.BLOCK_RUN_FILE, { recursive: true });
    return upper(input);
  },
};
export const neverScorer = [{ key: "never", score: () => new Promise(() => {}) }];
`;
