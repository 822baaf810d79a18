import { InvalidOptionError } from "@ag2/eval-core";

/** A connection string taken apart: what pg needs, and what may be shown to people. */
export interface ConnectionTarget {
  /** The string as given, password included: only ever handed to pg. */
  readonly connectionString: string;
  /** `host:port/database`, never the user's password: the name used in messages. */
  readonly display: string;
  /** The password, when the string carries one, so that messages can be scrubbed of it. */
  readonly password: string | null;
}

const SCHEMES = new Set(["postgres:", "postgresql:"]);

/**
 * True for `postgres://…` and `postgresql://…`: what the CLI's `--store` takes to mean this
 * store rather than a folder.
 *
 * @example
 * ```ts
 * isPostgresUrl("postgres://ci@db.internal/evals"); // true
 * isPostgresUrl(".ag2-eval/runs"); // false
 * ```
 */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/**
 * Reads a `postgres://user:password@host:port/database?…` string. An unreadable one is an
 * {@link InvalidOptionError} that does not repeat it (it may hold a password).
 */
export function parseConnectionString(text: string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(
      "connectionString",
      "PostgreSQL run store: the connection string is not a URL (not shown: it may hold a password); " +
        "expected postgres://user:password@host:port/database",
    );
  }
  if (!SCHEMES.has(url.protocol.toLowerCase())) {
    throw new InvalidOptionError(
      "connectionString",
      `PostgreSQL run store: the connection string starts with ${JSON.stringify(url.protocol)}; ` +
        'expected "postgres:" or "postgresql:"',
    );
  }
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const port = url.port || url.searchParams.get("port") || "5432";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default database)";
  const password = url.password === "" ? null : decodeURIComponent(url.password);
  return { connectionString: text, display: `${host}:${port}/${database}`, password };
}

/** `text` with every occurrence of the password (plain and URL-encoded) replaced by `***`. */
export function scrubPassword(text: string, password: string | null): string {
  if (!password) return text;
  let out = text.split(password).join("***");
  const encoded = encodeURIComponent(password);
  if (encoded !== password) out = out.split(encoded).join("***");
  return out;
}
