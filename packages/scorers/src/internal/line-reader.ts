import { createInterface, type Interface } from "node:readline";

/**
 * Lines of a stream handed out one per `next()`, in order, to whoever asks first. Lines that
 * arrive before anyone asks wait in order (answers piped on stdin are not lost between
 * questions); `null` once the stream has ended (never a question left waiting forever). While
 * nobody waits the stream is paused and, when it is a socket (stdin from a pipe or a
 * terminal), unreferenced: an idle reader never keeps the process alive.
 */
export class LineReader {
  readonly #lines: string[] = [];
  readonly #waiting: ((line: string | null) => void)[] = [];
  readonly #rl: Interface | null;
  readonly #input: NodeJS.ReadableStream & { ref?: () => void; unref?: () => void };
  #closed = false;

  constructor(input: NodeJS.ReadableStream) {
    this.#input = input;
    // readline on a stream that already ended never closes: treat it as closed now
    if ((input as { readableEnded?: boolean }).readableEnded === true) {
      this.#rl = null;
      this.#closed = true;
      return;
    }
    this.#rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    this.#rl.on("line", (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
      if (this.#waiting.length === 0) this.#idle();
    });
    this.#rl.once("close", () => {
      this.#closed = true;
      for (const waiter of this.#waiting.splice(0)) waiter(null);
    });
    this.#idle();
  }

  #idle(): void {
    this.#rl?.pause();
    this.#input.unref?.();
  }

  /** The next line, or `null` when the stream ended first. */
  next(): Promise<string | null> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#input.ref?.();
      this.#rl?.resume();
    });
  }
}

const readers = new WeakMap<object, LineReader>();

/** One reader per stream: two comparators asking on the same stdin must not split its lines. */
export function lineReaderFor(input: NodeJS.ReadableStream): LineReader {
  let reader = readers.get(input);
  if (!reader) {
    reader = new LineReader(input);
    readers.set(input, reader);
  }
  return reader;
}
