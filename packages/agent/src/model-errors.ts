import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A model endpoint answered with a non-2xx status. `retryAfterMs` is set when the server sent
 * a `Retry-After` header, so a retrying caller can wait exactly that long.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (ModelHTTPError.isInstance(error) && error.status === 429) await sleep(error.retryAfterMs ?? 1000);
 * }
 * ```
 */
export class ModelHTTPError extends Ag2EvalError {
  static override readonly errorName: string = "ModelHTTPError";
  constructor(
    readonly status: number,
    readonly endpoint: string,
    readonly body: string,
    readonly retryAfterMs?: number | undefined,
  ) {
    super(
      `model endpoint ${endpoint} answered HTTP ${status}; expected 2xx` +
        (retryAfterMs === undefined ? "" : ` (retry after ${retryAfterMs} ms)`) +
        (body ? `: ${body}` : ""),
    );
  }
}

/**
 * A model call took longer than the config's `timeoutMs`.
 *
 * @example
 * ```ts
 * new OpenAICompatibleConfig({ baseURL, model, timeoutMs: 120_000 }); // for slow local models
 * ```
 */
export class ModelTimeoutError extends Ag2EvalError {
  static override readonly errorName: string = "ModelTimeoutError";
  constructor(
    readonly endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(`model endpoint ${endpoint} did not answer within timeoutMs ${timeoutMs}`);
  }
}

/**
 * A model endpoint could not be reached (refused, DNS failure, reset). The cause is kept.
 *
 * @example
 * ```ts
 * catch (error) { if (ModelConnectionError.isInstance(error)) console.error(error.endpoint, error.cause); }
 * ```
 */
export class ModelConnectionError extends Ag2EvalError {
  static override readonly errorName: string = "ModelConnectionError";
  constructor(
    readonly endpoint: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? (cause.cause ?? cause) : cause;
    const text = reason instanceof Error ? reason.message : String(reason);
    super(`cannot reach model endpoint ${endpoint}: ${text}`, { cause });
  }
}

/**
 * A model endpoint answered 2xx with a body that is not a chat completion.
 *
 * @example
 * ```ts
 * catch (error) { if (ModelResponseFormatError.isInstance(error)) console.error(error.body); }
 * ```
 */
export class ModelResponseFormatError extends Ag2EvalError {
  static override readonly errorName: string = "ModelResponseFormatError";
  constructor(
    readonly endpoint: string,
    readonly problem: string,
    readonly body: string,
  ) {
    super(`model endpoint ${endpoint} sent an unexpected reply: ${problem}; got ${body}`);
  }
}
