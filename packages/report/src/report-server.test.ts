import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { InMemoryRunStore } from "@ag2/eval-core/testing";
import type { RunListEntry, RunView } from "./report-data.js";
import { type RunningReportServer, serveReport } from "./report-server.js";
import { ReportServerError } from "./report-server-error.js";
import { sampleRun } from "./sample-runs.test-helper.js";
import type { ViewerStore } from "./viewer-store.js";

function get(url: string, init: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: init.method ?? "GET",
        headers: init.host ? { host: init.host } : {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the viewer server", () => {
  const store = new InMemoryRunStore();
  const journals = new Set<string>();
  const viewerStore: ViewerStore = {
    list: (options) => store.list(options),
    load: (id) => store.load(id),
    readJournal: (id) => store.readJournal(id),
    listJournals: async () => [...journals],
  };
  let viewer: RunningReportServer;
  const live = sampleRun({
    runId: "live-run",
    tasks: 5,
    createdAt: "2026-12-02T09:00:00.000000+00:00",
  });

  before(async () => {
    await store.save(sampleRun({ runId: "saved-run", tasks: 12 }));
    const journal = await store.openJournal({
      runId: "live-run",
      label: "nightly",
      createdAt: live.createdAt,
      target: live.target,
      concurrency: 2,
      suite: live.suite,
      taskIds: live.tasks.map((t) => t.task.taskId),
    });
    journals.add("live-run");
    await journal.append(live.tasks[0]!);
    viewer = await serveReport({
      store: viewerStore,
      resolveRunId: async (given) => (given === "latest" ? "saved-run" : given),
    });
  });
  after(() => viewer.close());

  it("serves the app with a policy that allows fetching from itself only", async () => {
    const page = await get(viewer.url);
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.match(page.body, /connect-src 'self'/);
    assert.match(page.body, /"kind":"viewer"/);
    assert.match(viewer.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("lists saved runs and runs still being written", async () => {
    const runs = JSON.parse((await get(`${viewer.url}api/runs`)).body) as RunListEntry[];
    assert.deepEqual(
      runs.map((r) => [r.runId, r.inProgress]),
      [
        ["live-run", { done: 1, expected: 5 }],
        ["saved-run", null],
      ],
    );
  });

  it("shows a journal's new tasks on the next request, without a restart", async () => {
    const before = JSON.parse((await get(`${viewer.url}api/runs/live-run`)).body) as RunView;
    const journal = await store.openJournal({
      runId: "live-run",
      label: "nightly",
      createdAt: live.createdAt,
      target: live.target,
      concurrency: 2,
      suite: live.suite,
      taskIds: live.tasks.map((t) => t.task.taskId),
    });
    await journal.append(live.tasks[1]!);
    const afterAppend = JSON.parse((await get(`${viewer.url}api/runs/live-run`)).body) as RunView;
    assert.equal(before.tasks.length, 1);
    assert.equal(afterAppend.tasks.length, 2);
    assert.deepEqual(afterAppend.inProgress, { expected: 5 });
  });

  it("resolves run ids with the given rules and computes the run's statistics", async () => {
    const run = JSON.parse((await get(`${viewer.url}api/runs/latest`)).body) as RunView;
    assert.equal(run.runId, "saved-run");
    assert.equal(run.tasks.length, 12);
    assert.equal(run.keys[0]?.kind, "pass-rate");
  });

  it("answers 404 for unknown runs, refused ids and any other path", async () => {
    for (const path of [
      "api/runs/nope",
      "api/runs/..%2F..%2Fetc%2Fpasswd",
      "api/runs/%2e%2e",
      "api/runs/a%00b",
      "../package.json",
      "api/runs/saved-run/x",
      "favicon.ico",
    ]) {
      const response = await get(`${viewer.url}${path}`);
      assert.equal(response.status, 404, path);
    }
    const refused = await get(`${viewer.url}api/runs/..%2Fsecret`);
    assert.match(refused.body, /not a run id: contains a path separator/);
  });

  it("answers GET only, and only to a local host name", async () => {
    assert.equal((await get(viewer.url, { method: "POST" })).status, 405);
    assert.equal((await get(viewer.url, { method: "DELETE" })).status, 405);
    assert.equal((await get(viewer.url, { host: "attacker.example" })).status, 403);
    assert.equal((await get(viewer.url, { method: "HEAD" })).body, "");
  });

  it("refuses a port already in use with a clear error", async () => {
    const port = Number(new URL(viewer.url).port);
    await assert.rejects(
      serveReport({ store: viewerStore, port }),
      (error: unknown) =>
        ReportServerError.isInstance(error) &&
        error.port === port &&
        error.message === `ag2-eval view: port ${port} is already in use`,
    );
  });
});
