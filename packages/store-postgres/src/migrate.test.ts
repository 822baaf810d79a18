import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { parseConnectionString } from "./connection-target.js";
import { Database } from "./database.js";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";
import { MIGRATIONS_TABLE, migrate } from "./migrate.js";
import { MIGRATIONS, type Migration } from "./migrations.js";
import { PostgresStoreError } from "./postgres-store-error.js";

const LATEST = MIGRATIONS.at(-1)?.version ?? 0;
const ALL = MIGRATIONS.map((migration) => migration.version);

for (const target of testTargets()) {
  describe(`schema migrations on ${target.name}`, () => {
    const database = useTestDatabase(target);
    const open = () => {
      const db = new Database(parseConnectionString(database.url), {
        connectTimeoutMs: 10_000,
        queryTimeoutMs: 60_000,
        maxConnections: 2,
        applicationName: "ag2-eval migrate-test",
      });
      after(() => db.close());
      return db;
    };
    const versions = async (schema: string) =>
      (
        await database.sql(`SELECT version FROM "${schema}".${MIGRATIONS_TABLE} ORDER BY version`)
      ).rows.map((row) => row.version as number);

    it("creates the schema on first use, once, even when several stores start together", async () => {
      const first = database.store();
      const others = [1, 2, 3].map(() => database.store({ schema: first.schema }));
      const found = await Promise.all([first, ...others].map((store) => store.ready()));
      assert.equal(found.filter((version) => version === 0).length, 1, `versions found: ${found}`);
      assert.deepEqual(await versions(first.schema), ALL);
      assert.equal(await database.store({ schema: first.schema }).ready(), LATEST);
    });

    it("applies only the missing steps, in order, to a schema of an older version", async () => {
      const schema = database.store().schema;
      const db = open();
      assert.equal(await migrate(db, schema, MIGRATIONS), 0);
      const next: Migration = {
        version: LATEST + 1,
        description: "a later step",
        statements: (s) => [`ALTER TABLE ${s}.ag2_eval_runs ADD COLUMN later text`],
      };
      assert.equal(await migrate(db, schema, [...MIGRATIONS, next]), LATEST);
      assert.deepEqual(await versions(schema), [...ALL, LATEST + 1]);
      const column = await database.sql(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'later'",
        [schema],
      );
      assert.equal(column.rowCount, 1);
      assert.equal(await migrate(db, schema, [...MIGRATIONS, next]), LATEST + 1);
    });

    it("a schema of version 1 loses its writers table (run locks are advisory locks since 2)", async () => {
      const schema = database.store().schema;
      const db = open();
      await migrate(db, schema, MIGRATIONS.slice(0, 1));
      const writers = () =>
        database.sql("SELECT to_regclass($1) AS t", [`"${schema}".ag2_eval_writers`]);
      assert.notEqual((await writers()).rows[0]?.t, null);
      assert.equal(await migrate(db, schema, MIGRATIONS), 1);
      assert.equal((await writers()).rows[0]?.t, null);
      assert.deepEqual(await versions(schema), ALL);
    });

    it("a failing step applies nothing and names the schema", async () => {
      const schema = database.store().schema;
      const db = open();
      await migrate(db, schema, MIGRATIONS);
      const broken: Migration = {
        version: LATEST + 1,
        description: "broken",
        statements: (s) => [`CREATE TABLE ${s}.half_done (id int)`, "SELECT * FROM no_such_table"],
      };
      await assert.rejects(migrate(db, schema, [...MIGRATIONS, broken]), (error: unknown) => {
        assert.ok(PostgresStoreError.isInstance(error));
        assert.match(
          error.message,
          new RegExp(`migrate schema "${schema}".*no_such_table.*SQLSTATE 42P01`),
        );
        return true;
      });
      assert.deepEqual(await versions(schema), ALL);
      const half = await database.sql("SELECT to_regclass($1) AS t", [`"${schema}".half_done`]);
      assert.equal(half.rows[0]?.t, null);
    });
  });
}
