/** Longest run id accepted; file systems cap names at 255 bytes and stores add suffixes. */
export const MAX_RUN_ID_LENGTH = 200;

const ALLOWED = /^[A-Za-z0-9._#:@+=-]+$/;

// Windows opens the device instead of a file for these names, with or without an extension.
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)/i;

/**
 * Why a run id cannot name a file in the store folder, or null when it can.
 *
 * @example
 * ```ts
 * runIdProblem("nightly-42"); // null
 * runIdProblem("../etc/passwd"); // "contains a path separator"
 * ```
 */
export function runIdProblem(runId: string): string | null {
  if (typeof runId !== "string") return `got ${typeof runId}, not a string`;
  if (runId.length === 0) return "it is empty";
  if (runId.length > MAX_RUN_ID_LENGTH) return `it is ${runId.length} characters long`;
  if (runId.includes("/") || runId.includes("\\")) return "contains a path separator";
  if (runId.includes("\0")) return "contains a NUL character";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(runId)) return "contains a control character";
  if (runId.includes("..")) return "contains '..'";
  if (runId.startsWith(".")) return "starts with '.'";
  const device = WINDOWS_DEVICE.exec(runId);
  if (device) return `is the Windows device name '${device[1]}'`;
  if (!ALLOWED.test(runId)) {
    const bad = [...runId].find((char) => !ALLOWED.test(char));
    return `contains ${JSON.stringify(bad)}`;
  }
  return null;
}
