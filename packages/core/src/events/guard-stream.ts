import { toErrorInfo } from "../trace/to-error-info.js";
import type { Stream } from "./stream.js";

/**
 * A view of `stream` whose `publish` never throws: `createStream()` already collects its
 * subscribers' failures, but a hand-written `Stream` may throw from `publish` itself, and an
 * observer must not lose the run. Such a failure becomes a line in `warnings`.
 *
 * @example
 * ```ts
 * const safe = guardStream(options.stream, warnings);
 * safe?.publish(event); // never throws
 * ```
 */
export function guardStream(
  stream: Stream | null | undefined,
  warnings: string[],
): Stream | null | undefined {
  if (!stream) return stream;
  return {
    get errors() {
      // a hand-written stream may not collect errors at all
      return stream.errors ?? [];
    },
    publish(event) {
      try {
        stream.publish(event);
      } catch (error) {
        const info = toErrorInfo(error);
        warnings.push(`stream.publish failed on ${event.type}: ${info.type}: ${info.message}`);
      }
    },
    subscribe: (listener) => stream.subscribe(listener),
    close: () => stream.close(),
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
  };
}
