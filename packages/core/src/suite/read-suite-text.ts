import { readFile } from "node:fs/promises";
import { suiteReadError } from "./jsonl-lines.js";
import { SuiteFileError } from "./suite-file-error.js";

/** Reads a whole suite file as strict UTF-8 (a BOM is dropped); errors name the file. */
export async function readSuiteText(path: string, kind: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw suiteReadError(path, error, kind);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    const line = lineOfInvalidByte(bytes);
    throw new SuiteFileError(
      `${path}: line ${line} is not valid UTF-8`,
      { path, line },
      {
        cause: error,
      },
    );
  }
}

function lineOfInvalidByte(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, start)) {
    try {
      decoder.decode(bytes.subarray(start, at));
    } catch {
      return line;
    }
    line++;
    start = at + 1;
  }
  return line;
}
