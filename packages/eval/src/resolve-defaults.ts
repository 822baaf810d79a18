import { InvalidOptionError, type RunStore, type Tracing } from "@ag2/eval-core";
import { type FsRunStore, fsRunStore } from "@ag2/eval-store-fs";
import { type OtelTracingOptions, otelTracing } from "@ag2/eval-telemetry";

/** The store of a call: `store` as given, else an `FsRunStore` on `storeDir`, else none. */
export function resolveStore<Store = RunStore>(
  options: { store?: Store | null | undefined; storeDir?: string | undefined },
  caller: string,
): Store | FsRunStore | null {
  const { store, storeDir } = options;
  if (storeDir !== undefined && store !== undefined && store !== null) {
    throw new InvalidOptionError(
      "storeDir",
      `${caller}: options 'store' and 'storeDir' both name where to save the run; pass one of them`,
    );
  }
  if (storeDir !== undefined) {
    if (typeof storeDir !== "string" || storeDir === "") {
      throw new InvalidOptionError(
        "storeDir",
        `${caller}: option 'storeDir' must be a non-empty folder path; got ${JSON.stringify(storeDir)}`,
      );
    }
    return fsRunStore(storeDir);
  }
  return store ?? null;
}

/** The tracing of a call: `tracing` as given, else `otelTracing()` with the span processors. */
export function resolveTracing(
  options: { tracing?: Tracing | undefined; spanProcessors?: OtelTracingOptions["spanProcessors"] },
  caller: string,
): Tracing {
  if (options.tracing !== undefined) {
    if (options.spanProcessors !== undefined) {
      throw new InvalidOptionError(
        "spanProcessors",
        `${caller}: option 'spanProcessors' only applies to the default otelTracing(); with your own 'tracing', pass them to it`,
      );
    }
    return options.tracing;
  }
  return otelTracing({ spanProcessors: options.spanProcessors });
}
