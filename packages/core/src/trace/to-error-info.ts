import type { ErrorInfo } from "./trace-events.js";

/**
 * Turns anything thrown into {@link ErrorInfo}, keeping the error's class name. It never
 * throws: agent code may throw a Proxy, or an Error whose `message` getter throws, and a
 * converter that threw would stop the whole run; a part that cannot be read is named instead.
 *
 * @example
 * ```ts
 * toErrorInfo(new TypeError("bad")); // { type: "TypeError", message: "bad", stack: "…" }
 * ```
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  let isError: boolean;
  try {
    isError = error instanceof Error;
  } catch {
    // a Proxy whose getPrototypeOf trap throws
    return { type: "unknown", message: "(a thrown value whose type could not be read)" };
  }
  if (!isError) {
    return { type: safely(() => typeof error, "unknown"), message: stringOf(error) };
  }
  const thrown = error as Error;
  const name = safely(() => String(thrown.name ?? ""), "");
  const type =
    name && name !== "Error" ? name : safely(() => String(thrown.constructor.name), "") || "Error";
  const message = safely(
    () => String(thrown.message),
    "(the error's message could not be read: reading it threw)",
  );
  const stack = safely<string | undefined>(() => {
    const value = thrown.stack;
    return value === undefined ? undefined : String(value);
  }, undefined);
  return { type, message, stack };
}

function stringOf(value: unknown): string {
  return safely(() => String(value), "(a thrown value that could not be turned into text)");
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * An exception as a trace holds it: an {@link ErrorInfo} (a `type` and a `message`, both
 * strings) is kept, anything else (a JavaScript `Error`, a thrown string) goes through
 * {@link toErrorInfo}. Traces and run files convert here, so no file is ever written with an
 * exception its reader would refuse.
 *
 * @example
 * ```ts
 * asErrorInfo(new RangeError("quota")); // { type: "RangeError", message: "quota", stack: "…" }
 * asErrorInfo({ type: "Timeout", message: "slow" }); // kept as it is
 * ```
 */
export function asErrorInfo(value: unknown): ErrorInfo {
  if (
    !(value instanceof Error) &&
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  ) {
    return value as ErrorInfo;
  }
  return toErrorInfo(value);
}
