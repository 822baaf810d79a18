import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The database's ag2-eval tables were migrated by a newer release of this package than the one
 * running: reading or writing them could lose what the newer layout added, so nothing is done.
 *
 * @example
 * ```ts
 * catch (error) { if (SchemaVersionError.isInstance(error)) console.error(`upgrade: ${error.found} > ${error.supported}`); }
 * ```
 */
export class SchemaVersionError extends Ag2EvalError {
  static override readonly errorName: string = "SchemaVersionError";
  readonly target: string;
  readonly schema: string;
  readonly found: number;
  readonly supported: number;

  constructor(options: { target: string; schema: string; found: number; supported: number }) {
    super(
      `PostgreSQL run store at ${options.target}: schema "${options.schema}" is at version ` +
        `${options.found}, newer than the versions this @ag2/eval-store-postgres knows (up to ` +
        `${options.supported}); upgrade @ag2/eval-store-postgres, or use another schema`,
    );
    this.target = options.target;
    this.schema = options.schema;
    this.found = options.found;
    this.supported = options.supported;
  }
}
