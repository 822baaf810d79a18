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
