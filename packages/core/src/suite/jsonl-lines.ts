import { createReadStream } from "node:fs";
import { SuiteFileError } from "./suite-file-error.js";

/** One physical line of a text file: its 1-based number and its text without the line break. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

const NEWLINE = 0x0a;

/**
 * Streams a UTF-8 file line by line without reading it whole. Each line is decoded on its
 * own with a fatal decoder, so invalid UTF-8 is reported with its line number instead of
 * being replaced by U+FFFD (which `readline` would do silently).
 */
export async function* readNumberedLines(path: string): AsyncGenerator<NumberedLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let pending: Buffer[] = [];
  let lineNo = 0;
  const decode = (bytes: Buffer): NumberedLine => {
    lineNo++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch (error) {
      throw new SuiteFileError(
        `${path}: line ${lineNo} is not valid UTF-8`,
        { path, line: lineNo },
        {
          cause: error,
        },
      );
    }
    return { line: lineNo, text: text.endsWith("\r") ? text.slice(0, -1) : text };
  };
  try {
    for await (const chunk of createReadStream(path)) {
      let buffer = chunk as Buffer;
      let at = buffer.indexOf(NEWLINE);
      while (at >= 0) {
        pending.push(buffer.subarray(0, at));
        yield decode(Buffer.concat(pending));
        pending = [];
        buffer = buffer.subarray(at + 1);
        at = buffer.indexOf(NEWLINE);
      }
      if (buffer.length > 0) pending.push(buffer);
    }
  } catch (error) {
    throw suiteReadError(path, error, "a JSONL suite file");
  }
  if (pending.length > 0) yield decode(Buffer.concat(pending));
}

/** The error for a suite file that cannot be read, naming the file and the `kind` expected. */
export function suiteReadError(path: string, error: unknown, kind: string): unknown {
  if (SuiteFileError.isInstance(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") {
    return new SuiteFileError(
      `${path}: no such file (expected ${kind})`,
      { path },
      {
        cause: error,
      },
    );
  }
  if (code === "EISDIR") {
    return new SuiteFileError(
      `${path}: is a directory, expected ${kind}`,
      { path },
      {
        cause: error,
      },
    );
  }
  if (code === "EACCES") {
    return new SuiteFileError(
      `${path}: permission denied reading the suite file`,
      { path },
      {
        cause: error,
      },
    );
  }
  return error;
}
