import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdtemp, open, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";
import { writeReport } from "./report.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ag2-write-report-"));
  dirs.push(dir);
  return dir;
}

describe("writeReport (-o of report and export)", () => {
  test("a plain path is replaced whole; a link is written through and stays a link", async () => {
    const dir = await tempDir();
    await writeReport(join(dir, "plain.html"), "<p>1</p>");
    assert.equal(await readFile(join(dir, "plain.html"), "utf8"), "<p>1</p>");
    await writeFile(join(dir, "target.html"), "old");
    await symlink("target.html", join(dir, "link.html"));
    await writeReport(join(dir, "link.html"), "<p>new</p>");
    assert.ok((await lstat(join(dir, "link.html"))).isSymbolicLink());
    assert.equal(await readFile(join(dir, "target.html"), "utf8"), "<p>new</p>");
  });

  test("a named pipe gets the text and stays a pipe (as -o /dev/stdout does)", async () => {
    const dir = await tempDir();
    const fifo = join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => {
      read += chunk.toString("utf8");
    });
    const closed = new Promise((resolve) => reader.on("close", resolve));
    await writeReport(fifo, "<p>piped</p>");
    // had the pipe been replaced by a file, its reader would wait forever: stop it instead
    const stop = setTimeout(() => reader.kill(), 5_000);
    await closed;
    clearTimeout(stop);
    assert.equal(read, "<p>piped</p>");
    assert.ok((await lstat(fifo)).isFIFO());
  });
});

describe("stdout that cannot be written", () => {
  test("a full disk behind > is one line on stderr and exit 1, not a stack trace", {
    skip: !existsSync("/dev/full") && "no /dev/full here",
  }, async () => {
    const cwd = await tempProject();
    const saved = await runCli(
      ["run", "suite.jsonl", "--agent", "./agent.ts#good", "--scorers", "./scorers.mjs"],
      {
        cwd,
      },
    );
    assert.equal(saved.code, 0, saved.stderr);
    const full = await open("/dev/full", "w");
    try {
      const child = spawn(process.execPath, [BIN, "show", "latest"], {
        cwd,
        stdio: ["ignore", full.fd, "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
      });
      const code = await new Promise((resolve) => child.on("close", resolve));
      assert.equal(code, 1, stderr);
      assert.match(stderr, /^error: the output could not be written, so it is incomplete \(ENOSPC/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    } finally {
      await full.close();
    }
  });
});
