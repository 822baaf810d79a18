import type { Database } from "./database.js";
import type { Migration } from "./migrations.js";
import { SchemaVersionError } from "./schema-version-error.js";

/** The table that records which migrations a schema has had. */
export const MIGRATIONS_TABLE = "ag2_eval_schema_migrations";

/**
 * Brings `schema` up to the last of `migrations`, applying the missing steps in order inside
 * one transaction (a failure applies none). Concurrent first uses wait for each other on an
 * advisory lock, so each step runs once. A schema already migrated further than `migrations`
 * go is a {@link SchemaVersionError}, before anything is changed. Returns the version found.
 */
export async function migrate(
  db: Database,
  schema: string,
  migrations: readonly Migration[],
): Promise<number> {
  const quoted = quoteIdentifier(schema);
  const latest = migrations.at(-1)?.version ?? 0;
  const table = `${quoted}.${MIGRATIONS_TABLE}`;
  const tooNew = (found: number) =>
    new SchemaVersionError({ target: db.target.display, schema, found, supported: latest });
  // the common case, a schema already up to date, costs one round trip and takes no lock
  const { rows } = await db.query(
    "read the schema version",
    "SELECT to_regclass($1) IS NOT NULL AS present",
    [table],
  );
  if (rows[0]?.present === true) {
    const found = await currentVersion(db, table);
    if (found > latest) throw tooNew(found);
    if (found === latest) return found;
  }
  return db.transaction(`migrate schema "${schema}"`, async (query) => {
    await query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ag2_eval_migrate:${schema}`]);
    const exists = await query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (exists.rowCount === 0) await query(`CREATE SCHEMA ${quoted}`);
    await query(
      `CREATE TABLE IF NOT EXISTS ${table} (
        version integer PRIMARY KEY,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    );
    const version = await query(`SELECT coalesce(max(version), 0) AS version FROM ${table}`);
    const found = Number(version.rows[0]?.version ?? 0);
    if (found > latest) throw tooNew(found);
    for (const migration of migrations) {
      if (migration.version <= found) continue;
      for (const statement of migration.statements(quoted)) await query(statement);
      await query(`INSERT INTO ${table} (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    return found;
  });
}

async function currentVersion(db: Database, table: string): Promise<number> {
  const { rows } = await db.query(
    "read the schema version",
    `SELECT coalesce(max(version), 0) AS version FROM ${table}`,
  );
  return Number(rows[0]?.version ?? 0);
}

/** `"name"`, for a schema name already checked by {@link schemaNameProblem}. */
export function quoteIdentifier(name: string): string {
  return `"${name}"`;
}

/** Why `name` cannot be a schema name here, or null: letters, digits and `_`, at most 63. */
export function schemaNameProblem(name: string): string | null {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) return null;
  return `expected 1-63 letters, digits or '_', not starting with a digit; got ${JSON.stringify(name)}`;
}
