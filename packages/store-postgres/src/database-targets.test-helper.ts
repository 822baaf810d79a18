// A real PostgreSQL for each test file: PGlite in this process, served over the wire protocol by
// pglite-socket on a loopback port the OS picks, so the store talks to it through pg exactly as
// to a server. When AG2_EVAL_TEST_POSTGRES_URL names a server, the same tests run there too.
import { randomBytes } from "node:crypto";
import { after, before } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { localServerProblem, startLocalServer } from "./local-server.test-helper.js";
import { PostgresRunStore } from "./postgres-run-store.js";
import type { PostgresRunStoreOptions } from "./postgres-run-store-options.js";

/** The variable naming an extra server to run every test against. */
export const SERVER_URL_VARIABLE = "AG2_EVAL_TEST_POSTGRES_URL";

/** A database the tests of one file share; every store gets a schema of its own. */
export interface TestDatabase {
  readonly name: string;
  /** The connection string (PGlite: `postgres://postgres:<password>@127.0.0.1:<port>/postgres`). */
  url: string;
  /** A store on a fresh schema, dropped when the file's tests end. */
  store(options?: Partial<PostgresRunStoreOptions>): PostgresRunStore;
  /** One statement on a connection of its own. */
  sql(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** PGlite only: stops the socket server (dropping every connection), or starts a new one. */
  stopSocketServer?(): Promise<void>;
  startSocketServer?(): Promise<void>;
}

/** The password the PGlite target's URL carries (PGlite accepts any): tests look for leaks of it. */
export const TEST_PASSWORD = `pw-${randomBytes(6).toString("hex")}`;

let schemas = 0;
function freshSchema(): string {
  schemas++;
  return `t_${process.pid}_${schemas}_${randomBytes(3).toString("hex")}`;
}

/** A database to run a file's tests on. */
export interface Target {
  readonly name: string;
  start(): Promise<{ url: string; close(): Promise<void>; socket?: SocketControl }>;
}

interface SocketControl {
  stop(): Promise<void>;
  start(): Promise<string>;
}

async function startPglite(): Promise<{
  url: string;
  close(): Promise<void>;
  socket: SocketControl;
}> {
  const db = await PGlite.create();
  let server: PGLiteSocketServer | null = null;
  const start = async (): Promise<string> => {
    server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
    await server.start();
    return `postgres://postgres:${TEST_PASSWORD}@${server.getServerConn()}/postgres`;
  };
  const stop = async (): Promise<void> => {
    await server?.stop();
    server = null;
  };
  const url = await start();
  return {
    url,
    socket: { start, stop },
    close: async () => {
      await stop();
      await db.close();
    },
  };
}

/** The databases every test runs against: PGlite, and the server the variable names, if any. */
export function testTargets(): Target[] {
  const targets: Target[] = [{ name: "PGlite", start: startPglite }];
  const url = process.env[SERVER_URL_VARIABLE];
  if (url)
    targets.push({
      name: "a PostgreSQL server",
      start: async () => ({ url, close: async () => {} }),
    });
  return targets;
}

/**
 * The PostgreSQL servers (never PGlite) for tests of what needs a session per connection, as
 * run locks do: the server the variable names, else a private one started here when this
 * machine has PostgreSQL's programs. `skip` says why there is none.
 */
export function serverTargets(): { targets: Target[]; skip: string | null } {
  const url = process.env[SERVER_URL_VARIABLE];
  if (url) {
    const start = async () => ({ url, close: async () => {} });
    return { targets: [{ name: "a PostgreSQL server", start }], skip: null };
  }
  const problem = localServerProblem();
  if (problem) return { targets: [], skip: `needs a PostgreSQL server: ${problem}` };
  return { targets: [{ name: "a local PostgreSQL server", start: startLocalServer }], skip: null };
}

/** PGlite, and the server of {@link serverTargets} when there is one. */
export function everyTarget(): Target[] {
  return [{ name: "PGlite", start: startPglite }, ...serverTargets().targets];
}

/**
 * Starts `target` before the enclosing `describe`'s tests and cleans up after them: the
 * stores are closed and their schemas dropped (on a real server they would outlive the run).
 */
export function useTestDatabase(target: Target): TestDatabase {
  const stores: { store: PostgresRunStore; schema: string }[] = [];
  let close: () => Promise<void> = async () => {};
  const sql = async (text: string, values?: unknown[]) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  const database: TestDatabase = {
    name: target.name,
    url: "",
    store(options = {}) {
      const schema = options.schema ?? freshSchema();
      const store = new PostgresRunStore({ connectionString: database.url, schema, ...options });
      stores.push({ store, schema });
      return store;
    },
    sql,
  };
  before(async () => {
    const started = await target.start();
    database.url = started.url;
    close = started.close;
    const socket = started.socket;
    if (socket) {
      database.stopSocketServer = socket.stop;
      database.startSocketServer = async () => {
        database.url = await socket.start();
      };
    }
  });
  after(async () => {
    await Promise.all(stores.map(({ store }) => store.close().catch(() => undefined)));
    for (const { schema } of stores)
      await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await close();
  });
  return database;
}
