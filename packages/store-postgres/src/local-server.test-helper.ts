// A private PostgreSQL server for the tests that need what PGlite cannot give: PGlite serves
// every connection from one session, so advisory locks never exclude one connection from
// another there, and a closed connection releases nothing. When the machine has PostgreSQL's
// programs (Debian's postgresql package), the server is created in a temporary folder with
// initdb, listens on a loopback port, and is stopped and removed after the file's tests.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import pg from "pg";

/** The folder holding initdb and postgres, or null when this machine has none. */
function binDir(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) return dir;
  }
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, "bin");
    if (existsSync(join(dir, "initdb"))) return dir;
  }
  return null;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? 0 };
  try {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

/** Why no local server can start here, or null when one can. */
export function localServerProblem(): string | null {
  if (binDir() === null) return "PostgreSQL's initdb and postgres are not installed";
  if (runAs() === null) return "running as root, and there is no postgres user to run the server";
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start: ${error}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Starts a server; `close` stops it and removes its folder. */
export async function startLocalServer(): Promise<{ url: string; close(): Promise<void> }> {
  const bin = binDir();
  const user = runAs();
  if (bin === null || user === null) throw new Error(localServerProblem() ?? "no server");
  const dir = await mkdtemp(join(tmpdir(), "ag2-pg-"));
  await chown(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const as = { ...user, cwd: dir, env: { ...process.env, HOME: dir } };
  execFileSync(
    join(bin, "initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"],
    { ...as, stdio: "pipe" },
  );
  const port = await freePort();
  const settings = ["listen_addresses=127.0.0.1", "fsync=off", "full_page_writes=off"];
  const args = ["-D", data, "-p", String(port), "-k", dir, ...settings.flatMap((s) => ["-c", s])];
  const server = spawn(join(bin, "postgres"), args, { ...as, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  server.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  // a test process that dies without `close` must not leave a server behind
  const stopAtExit = (): void => {
    server.kill("SIGQUIT");
  };
  process.once("exit", stopAtExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url, server, () => log);
  return {
    url,
    async close() {
      process.off("exit", stopAtExit);
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT"); // fast shutdown: ends every session
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
