import assert from "node:assert/strict";
import { createServer, type Server } from "node:net";
import { after, describe, it } from "node:test";
import { inspect } from "node:util";
import { InvalidOptionError } from "@ag2/eval-core";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";
import { TEST_PASSWORD, testTargets, useTestDatabase } from "./database-targets.test-helper.js";
import { MIGRATIONS } from "./migrations.js";
import { PostgresRunStore } from "./postgres-run-store.js";
import { PostgresStoreError } from "./postgres-store-error.js";
import { SchemaVersionError } from "./schema-version-error.js";
import { startTcpProxy } from "./tcp-proxy.test-helper.js";

const SECRET = "s3cr3t-Pa55";

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("no port");
  return address.port;
}

/** A failure that names `where`, says `what`, and shows the password nowhere, cause included. */
function failsClearly(where: string, what: RegExp) {
  return (error: unknown) => {
    assert.ok(
      PostgresStoreError.isInstance(error),
      `expected a PostgresStoreError, got ${inspect(error)}`,
    );
    assert.ok(error.message.includes(where), `should name ${where}: ${error.message}`);
    assert.match(error.message, what);
    assert.ok(
      !inspect(error, { depth: 10 }).includes(SECRET),
      "the password leaked into the error",
    );
    assert.ok(
      !inspect(error, { depth: 10 }).includes(TEST_PASSWORD),
      "the password leaked into the error",
    );
    return true;
  };
}

function bigRun(runId: string, size: number) {
  const padding = "x".repeat(2000);
  return makeRunResult({
    runId,
    label: "big",
    tasks: Array.from({ length: size }, (_, i) =>
      makeTaskResult({
        taskId: `t${i}`,
        inputs: { input: `q${i} ${padding}` },
        feedback: [{ key: "ok", score: i % 2 === 0 }],
      }),
    ),
  });
}

describe("a PostgreSQL server that is down or silent", () => {
  it("down: a clear error naming host:port/database, never the password", async () => {
    // port 1: nothing listens there; a port freed by a probe could be taken by another test's server
    const port = 1;
    const store = new PostgresRunStore({
      connectionString: `postgres://ag2:${SECRET}@127.0.0.1:${port}/evals`,
      connectTimeoutMs: 5_000,
    });
    after(() => store.close());
    const where = `127.0.0.1:${port}/evals`;
    await assert.rejects(
      store.list(),
      failsClearly(where, /nothing is listening there.*is the server running/),
    );
    await assert.rejects(
      store.save(makeRunResult({ runId: "r1" })),
      failsClearly(where, /cannot read the schema version/),
    );
    assert.ok(!inspect(store, { depth: 10 }).includes(SECRET));
    assert.ok(!JSON.stringify(store).includes(SECRET));
    assert.equal(store.location, `postgres://${where}#public`);
  });

  it("silent (accepts, never answers): connectTimeoutMs bounds the wait", async () => {
    const held: import("node:net").Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    const port = await listen(silent);
    after(() => {
      for (const socket of held) socket.destroy();
      silent.close();
    });
    const store = new PostgresRunStore({
      connectionString: `postgres://ag2:${SECRET}@127.0.0.1:${port}/evals`,
      connectTimeoutMs: 300,
    });
    after(() => store.close());
    const started = performance.now();
    await assert.rejects(
      store.load("r1"),
      failsClearly(
        `127.0.0.1:${port}/evals`,
        /did not accept the connection within 300 ms \(connectTimeoutMs\)/,
      ),
    );
    assert.ok(performance.now() - started < 5_000, "the timeout did not bound the wait");
  });

  it("refuses a connection string that is not a postgres URL, without repeating it", () => {
    assert.throws(
      () => new PostgresRunStore({ connectionString: `ag2:${SECRET}@nowhere` }),
      (error: unknown) =>
        InvalidOptionError.isInstance(error) && /expected "postgres:"/.test(error.message),
    );
    assert.throws(
      () => new PostgresRunStore({ connectionString: `::${SECRET} not a url` }),
      (error: unknown) =>
        InvalidOptionError.isInstance(error) &&
        !error.message.includes(SECRET) &&
        /not a URL/.test(error.message),
    );
    assert.throws(
      () => new PostgresRunStore({ connectionString: "postgres://h/db", schema: "bad-name;" }),
      /schema: expected 1-63 letters/,
    );
  });
});

for (const target of testTargets()) {
  describe(`PostgresRunStore on ${target.name}: bad input`, () => {
    const database = useTestDatabase(target);

    it("a server that turns slow: queryTimeoutMs bounds each statement", async () => {
      const proxy = await startTcpProxy(database.url);
      after(() => proxy.close());
      // migrated first without the deadline: a loaded machine may take longer than 500 ms to
      // create the schema, and that is not what this test is about
      const migrated = database.store({ connectionString: proxy.url });
      await migrated.ready();
      const store = database.store({
        connectionString: proxy.url,
        schema: migrated.schema,
        queryTimeoutMs: 500,
      });
      await store.ready();
      proxy.stall();
      const started = performance.now();
      const where = new URL(proxy.url).host;
      await assert.rejects(
        store.list(),
        failsClearly(where, /did not answer within 500 ms \(queryTimeoutMs\)/),
      );
      assert.ok(performance.now() - started < 5_000);
    });

    it("a schema from a newer version: a clear error, and nothing is written", async () => {
      const current = database.store();
      await current.ready();
      await database.sql(
        `INSERT INTO "${current.schema}".ag2_eval_schema_migrations (version, description) VALUES (99, 'from the future')`,
      );
      const older = database.store({ schema: current.schema });
      const isTooNew = (error: unknown) => {
        assert.ok(SchemaVersionError.isInstance(error), inspect(error));
        assert.equal(error.found, 99);
        assert.equal(error.supported, MIGRATIONS.at(-1)?.version);
        assert.match(
          error.message,
          new RegExp(`schema "${current.schema}" is at version 99.*upgrade`),
        );
        return true;
      };
      await assert.rejects(older.save(makeRunResult({ runId: "r1" })), isTooNew);
      await assert.rejects(older.list(), isTooNew);
      const { rows } = await database.sql(
        `SELECT count(*)::int AS n FROM "${current.schema}".ag2_eval_runs`,
      );
      assert.equal(rows[0]?.n, 0);
    });

    it("a connection dropped in the middle of a save: a clear error, no half-written run", async () => {
      const proxy = await startTcpProxy(database.url);
      after(() => proxy.close());
      const viaProxy = database.store({ connectionString: proxy.url });
      await viaProxy.save(makeRunResult({ runId: "before", label: "big" }));
      proxy.whenClientSent(proxy.clientBytes() + 1_000_000, () => proxy.drop());
      await assert.rejects(
        viaProxy.save(bigRun("torn", 3000)),
        failsClearly(
          new URL(proxy.url).host,
          /save run "torn".*in the middle of the transaction.*none of it is stored/,
        ),
      );
      await assertNoTrace(database.store({ schema: viaProxy.schema }), "torn");
    });

    if (target.name === "PGlite") {
      it("the socket server killed in the middle of a save: no half-written run", async () => {
        const proxy = await startTcpProxy(database.url);
        const store = database.store({ connectionString: proxy.url });
        await store.save(makeRunResult({ runId: "before", label: "big" }));
        const stopped = new Promise<void>((resolve) =>
          proxy.whenClientSent(proxy.clientBytes() + 1_000_000, () => {
            void database.stopSocketServer?.().then(resolve);
          }),
        );
        await assert.rejects(
          store.save(bigRun("torn", 3000)),
          failsClearly(new URL(proxy.url).host, /torn/),
        );
        await stopped;
        await proxy.close();
        await database.startSocketServer?.();
        await assertNoTrace(database.store({ schema: store.schema }), "torn");
      });
    }
  });
}

async function assertNoTrace(reader: PostgresRunStore, runId: string): Promise<void> {
  assert.deepEqual(
    (await reader.list()).map((info) => info.runId),
    ["before"],
  );
  await assert.rejects(reader.load(runId), new RegExp(`no run with id "${runId}"`));
}
