import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The viewer could not start: its port is taken, or its host cannot be bound. `port` and
 * `host` say where it tried.
 *
 * @example
 * ```ts
 * try { await serveReport({ store, port: 4173 }); }
 * catch (error) { if (ReportServerError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class ReportServerError extends Ag2EvalError {
  static override readonly errorName: string = "ReportServerError";
  readonly host: string;
  readonly port: number;

  constructor(init: { host: string; port: number; message: string; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.host = init.host;
    this.port = init.port;
  }
}
