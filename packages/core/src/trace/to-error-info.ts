import type { ErrorInfo } from "./trace-events.js";

/**
 * Turns anything thrown into {@link ErrorInfo}, keeping the error's class name.
 *
 * @example
 * ```ts
 * toErrorInfo(new TypeError("bad")); // { type: "TypeError", message: "bad", stack: "…" }
 * ```
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const type = error.name && error.name !== "Error" ? error.name : error.constructor.name;
    return { type: type || "Error", message: error.message, stack: error.stack };
  }
  return { type: typeof error, message: String(error) };
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
