import { toErrorInfo } from "../trace/to-error-info.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import type { EvalEvent } from "./lifecycle-events.js";

/** A subscriber; it may be async. What it throws or rejects with is collected, never rethrown. */
export type StreamListener = (event: EvalEvent) => void | Promise<void>;

/** A subscriber's failure: the event it was handling and the error, as data. */
export interface StreamError {
  readonly event: EvalEvent;
  readonly error: ErrorInfo;
}

/**
 * Where runs publish their lifecycle events. Observers never break a run: a subscriber that
 * throws (or rejects) is recorded in `errors`, reported to `onError`, and the run records it
 * as a warning.
 */
export interface Stream {
  publish(event: EvalEvent): void;
  /** Adds a subscriber; returns the function that removes it. */
  subscribe(listener: StreamListener): () => void;
  /** Every subscriber failure so far, in the order they happened. */
  readonly errors: readonly StreamError[];
  /** Ends every async iteration over this stream (after the events already queued). */
  close(): void;
  /** Iterates events published from now on, until `close()`. */
  [Symbol.asyncIterator](): AsyncIterator<EvalEvent>;
}

/**
 * Creates a {@link Stream}.
 *
 * @param options.onError - called with each subscriber failure (it must not throw itself).
 * @example
 * ```ts
 * const stream = createStream();
 * stream.subscribe(consoleReporter);
 * await runAgent(suite, { agent, scorers, store: null, tracing, stream });
 * ```
 */
export function createStream(options: { onError?: (failure: StreamError) => void } = {}): Stream {
  const listeners = new Set<StreamListener>();
  const errors: StreamError[] = [];
  const iterators = new Set<(event: EvalEvent | null) => void>();
  let closed = false;

  const fail = (event: EvalEvent, error: unknown): void => {
    const failure = { event, error: toErrorInfo(error) };
    errors.push(failure);
    try {
      options.onError?.(failure);
    } catch {
      // an error handler that fails has nowhere left to report to
    }
  };

  return {
    errors,
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          const returned = listener(event);
          if (returned && typeof returned.then === "function") {
            returned.then(undefined, (error: unknown) => fail(event, error));
          }
        } catch (error) {
          fail(event, error);
        }
      }
      for (const push of iterators) push(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      for (const push of iterators) push(null);
    },
    [Symbol.asyncIterator]() {
      const queue: (EvalEvent | null)[] = closed ? [null] : [];
      let wake: (() => void) | null = null;
      const push = (event: EvalEvent | null): void => {
        queue.push(event);
        wake?.();
        wake = null;
      };
      iterators.add(push);
      const done = (): IteratorResult<EvalEvent> => {
        iterators.delete(push);
        return { done: true, value: undefined };
      };
      return {
        async next() {
          while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const event = queue.shift() ?? null;
          return event === null ? done() : { done: false, value: event };
        },
        async return() {
          return done();
        },
      };
    },
  };
}
