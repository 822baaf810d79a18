import type { ModelCacheMode } from "@ag2/eval";
import { UsageError } from "./usage-error.js";

/** The modes `--cache` and the config's `cache` accept. */
export const CACHE_MODES: readonly ModelCacheMode[] = ["off", "read-write", "replay", "record"];

/**
 * The `--cache` flag's mode, or undefined when the flag is absent.
 *
 * @example
 * ```ts
 * cacheModeFlag("replay"); // "replay"
 * ```
 */
export function cacheModeFlag(given: string | undefined): ModelCacheMode | undefined {
  if (given === undefined) return undefined;
  if ((CACHE_MODES as readonly string[]).includes(given)) return given as ModelCacheMode;
  throw new UsageError(`--cache: got "${given}", expected one of ${CACHE_MODES.join(", ")}`, {
    hint: "e.g. --cache read-write to answer repeated model calls from <store>/cache",
  });
}
