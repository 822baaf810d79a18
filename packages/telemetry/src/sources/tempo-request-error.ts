import { Ag2EvalError } from "@ag2/eval-core";

/**
 * Tempo answered with a non-2xx status (or not at all). Names the URL and the status.
 *
 * @example
 * ```ts
 * catch (error) { if (TempoRequestError.isInstance(error)) console.error(error.url, error.status); }
 * ```
 */
export class TempoRequestError extends Ag2EvalError {
  static override readonly errorName: string = "TempoRequestError";
  readonly url: string;
  /** The HTTP status, or null when the request failed before a response. */
  readonly status: number | null;

  constructor(url: string, status: number | null, problem: string, options?: { cause?: unknown }) {
    super(`GET ${url}: ${problem}`, options);
    this.url = url;
    this.status = status;
  }
}
